using Boards.BuildingBlocks.Api.Limits;
using Boards.Participation.Contracts.Pulse;
using Boards.Participation.Domain;
using Boards.Participation.Domain.Answers;
using Microsoft.Extensions.Options;

namespace Boards.Participation.Features.RecordPaperAnswer;

/// <summary>
/// A paper form typed in by the focal point: with the code printed on it (used like an online answer), or without one,
/// for their municipality, a source, an age band and the current or the previous quarter.
/// </summary>
public sealed record RecordPaperAnswerCommand : AnswerInput
{
    /// <summary>The slip's code, when the form has one; then the fields below come from the code and must be left out.</summary>
    [MaxText(ParticipationLimits.TypedCode)]
    public string? Code { get; init; }

    [MaxText(ParticipationLimits.Code)]
    public string? MunicipalityCode { get; init; }

    [MaxText(ParticipationLimits.Choice)]
    public string? Source { get; init; }

    [MaxText(ParticipationLimits.Choice)]
    public string? AgeBand { get; init; }

    /// <summary>"2026-Q4": the current quarter (default) or the previous one, for forms collected late.</summary>
    [MaxText(ParticipationLimits.Quarter)]
    public string? Quarter { get; init; }
}

public sealed record PaperAnswerView(string MunicipalityCode, string Quarter, string Source, string AgeBand, string Channel, bool WithCode);

public sealed class RecordPaperAnswerHandler(
    ParticipationDbContext db, CodeConsumption codes, AnswerRecorder recorder, TimeProvider clock)
{
    public async Task<PaperAnswerView> HandleAsync(RecordPaperAnswerCommand command, Caller caller, CancellationToken ct)
    {
        if (!caller.IsInRole(BoardsRoles.FocalPoint) || caller.Municipality is null)
        {
            throw new ForbiddenException("Solo el punto focal carga respuestas en papel, para su municipio.");
        }

        var withCode = !string.IsNullOrWhiteSpace(command.Code);
        var place = withCode ? await PlaceOfCodeAsync(command, caller, ct) : await PlaceWithoutCodeAsync(command, caller, ct);
        var scores = command.ToScores();
        var errors = new FieldErrors();
        AnswerInput.Check(scores, place.Source, errors);
        errors.ThrowIfAny();

        var answer = PulseAnswer.Paper(place, scores, withCode, caller.DisplayName);
        if (!await recorder.RecordAsync(answer, withCode ? command.Code : null, ct))
        {
            throw CodeConsumption.Refused();
        }

        return new PaperAnswerView(answer.MunicipalityCode, answer.Quarter, answer.Source, answer.AgeBand, answer.Channel, answer.WithCode);
    }

    /// <summary>A code of another municipality is refused like an unknown one: a focal point learns nothing about other codes.</summary>
    private async Task<AnswerPlace> PlaceOfCodeAsync(RecordPaperAnswerCommand command, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("municipalityCode", command.MunicipalityCode), ("source", command.Source), ("ageBand", command.AgeBand), ("quarter", command.Quarter) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "Con código, el municipio, el origen, la edad y el trimestre salen del código: deje este campo vacío.");
            }
        }

        errors.ThrowIfAny();
        var place = await codes.FindAnswerableAsync(command.Code, ct);
        if (place is null || !PulseAccess.IsFocalPointOf(caller, place.MunicipalityCode))
        {
            throw CodeConsumption.Refused();
        }

        return place;
    }

    private async Task<AnswerPlace> PlaceWithoutCodeAsync(RecordPaperAnswerCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = string.IsNullOrWhiteSpace(command.MunicipalityCode) ? caller.Municipality! : command.MunicipalityCode.Trim().ToLowerInvariant();
        PulseAccess.EnsureCanRecordPaper(caller, municipality);

        var errors = new FieldErrors();
        var source = command.Source?.Trim().ToLowerInvariant() ?? "";
        if (!PulseSources.All.Contains(source))
        {
            errors.Add("source", PulseMessages.OneOf(PulseSources.All));
        }

        var ageBand = string.IsNullOrWhiteSpace(command.AgeBand) ? PulseAgeBands.Unknown : command.AgeBand.Trim().ToLowerInvariant();
        if (!PulseAgeBands.All.Contains(ageBand))
        {
            errors.Add("ageBand", PulseMessages.OneOf(PulseAgeBands.All));
        }

        var current = PulseCalendar.QuarterOf(clock.GetUtcNow());
        var quarter = string.IsNullOrWhiteSpace(command.Quarter) ? current : Domain.Quarter.Parse(command.Quarter);
        if (quarter is not { } given || (given != current && given != current.Previous))
        {
            errors.Add("quarter", $"Indique el trimestre actual ({current}) o el anterior ({current.Previous}).");
        }

        errors.ThrowIfAny();
        if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
        {
            throw ValidationFailedException.For("municipalityCode", $"El municipio '{municipality}' no está registrado.");
        }

        return new AnswerPlace(municipality, quarter!.Value.ToString(), source, ageBand);
    }
}
