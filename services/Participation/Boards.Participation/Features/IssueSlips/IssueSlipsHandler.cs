using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Outbox;
using Boards.Participation.Contracts.Events;
using Boards.Participation.Contracts.Pulse;
using Boards.Participation.Domain;
using Boards.Participation.Domain.Codes;
using Microsoft.Extensions.Options;

namespace Boards.Participation.Features.IssueSlips;

/// <summary>Print slips: one-time codes for a municipality, a source and an age band.</summary>
public sealed record IssueSlipsCommand
{
    [MaxText(ParticipationLimits.Code)]
    public string? MunicipalityCode { get; init; }

    /// <summary>counter_referral, service_day or board_session.</summary>
    [MaxText(ParticipationLimits.Choice)]
    public string? Source { get; init; }

    /// <summary>15_29, 30_64, 65_plus or unknown (the default).</summary>
    [MaxText(ParticipationLimits.Choice)]
    public string? AgeBand { get; init; }

    /// <summary>How many slips (1 by default; a service day's or session's pile at most SlipsPerBatch).</summary>
    [Between(1, ParticipationLimits.SlipsPerBatch)]
    public int? Count { get; init; }
}

/// <summary>The printed codes, shown this once: only their hashes are kept.</summary>
public sealed record IssuedSlipsView(
    Guid BatchId, string MunicipalityCode, string Source, string Quarter, string AgeBand, DateOnly ExpiresOn, IReadOnlyList<string> Codes);

/// <summary>
/// Draws the codes (CSPRNG), stores their SHA-256 with where they count and until when, writes the batch and
/// PulseCodesIssued (outbox) in the same transaction, and returns the codes grouped for typing.
/// </summary>
public sealed class IssueSlipsHandler(ParticipationDbContext db, IOptions<ParticipationOptions> options, TimeProvider clock)
{
    public async Task<IssuedSlipsView> HandleAsync(IssueSlipsCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = command.MunicipalityCode?.Trim().ToLowerInvariant() ?? "";
        var source = command.Source?.Trim().ToLowerInvariant() ?? "";
        var ageBand = string.IsNullOrWhiteSpace(command.AgeBand) ? PulseAgeBands.Unknown : command.AgeBand.Trim().ToLowerInvariant();
        var count = command.Count ?? 1;

        // The municipality first, then scope (from the token, before anything else is judged or read), then the rest.
        if (municipality.Length == 0)
        {
            throw ValidationFailedException.For("municipalityCode", "Indique el código del municipio.");
        }

        PulseAccess.EnsureCanIssue(caller, municipality, source);
        var errors = new FieldErrors();
        if (!PulseSources.All.Contains(source))
        {
            errors.Add("source", PulseMessages.OneOf(PulseSources.All));
        }

        if (!PulseAgeBands.All.Contains(ageBand))
        {
            errors.Add("ageBand", PulseMessages.OneOf(PulseAgeBands.All));
        }

        if (count is < 1 or > ParticipationLimits.SlipsPerBatch)
        {
            errors.Add("count", $"Debe estar entre 1 y {ParticipationLimits.SlipsPerBatch}.");
        }

        errors.ThrowIfAny();
        if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
        {
            throw ValidationFailedException.For("municipalityCode", $"El municipio '{municipality}' no está registrado.");
        }

        var batch = SlipBatch.Print(municipality, source, ageBand, count, caller.DisplayName, clock.GetUtcNow(), options.Value.CodeLifetimeDays);
        // 60 bits each: a repeat, within the batch or with a stored code, is vanishingly rare; the unique key would refuse it.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < count)
        {
            codes.Add(OneTimeCode.New());
        }

        db.SlipBatches.Add(batch);
        db.Codes.AddRange(codes.Select(code => PulseCode.Issue(OneTimeCode.Hash(code), batch)));
        db.AddToOutbox(new PulseCodesIssued
        {
            BatchId = batch.Id,
            MunicipalityCode = batch.MunicipalityCode,
            Quarter = batch.Quarter,
            Source = batch.Source,
            AgeBand = batch.AgeBand,
            Count = batch.Count,
            OccurredAt = batch.IssuedAt,
        }, clock);
        await db.SaveChangesAsync(ct);

        return new IssuedSlipsView(batch.Id, batch.MunicipalityCode, batch.Source, batch.Quarter, batch.AgeBand, batch.ExpiresOn,
            codes.Select(OneTimeCode.Grouped).ToList());
    }
}
