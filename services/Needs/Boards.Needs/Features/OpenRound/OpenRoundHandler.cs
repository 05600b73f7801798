using Boards.BuildingBlocks.Api.Limits;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.OpenRound;

/// <summary>Open a round. Codes are strings so that validation names every bad field at once.</summary>
public sealed record OpenRoundCommand
{
    [MaxText(NeedsLimits.Code)]
    public string? MunicipalityCode { get; init; }
    /// <summary>"2026", "2026-S2", "2026-T3" or "2026-07".</summary>
    [MaxText(NeedsLimits.Period)]
    public string? Period { get; init; }
    [MaxText(NeedsLimits.Name)]
    public string? Title { get; init; }
}

/// <summary>
/// Opens a needs assessment round: one per municipality and period, and one open at a time per municipality (the
/// database enforces both too, for two people opening at the same moment).
/// </summary>
public sealed class OpenRoundHandler(NeedsDbContext db, TimeProvider clock)
{
    public async Task<AssessmentRound> HandleAsync(OpenRoundCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = command.MunicipalityCode?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        if (municipality.Length == 0)
        {
            errors.Add("municipalityCode", "Indique el código del municipio.");
        }
        else
        {
            MunicipalityAccess.EnsureCanEdit(caller, municipality, MunicipalityAccess.Assessment);
            if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
            {
                errors.Add("municipalityCode", $"El municipio '{municipality}' no está registrado.");
            }
        }

        var period = NeedValidator.Period(errors, command.Period);
        var title = string.IsNullOrWhiteSpace(command.Title) ? null : command.Title.Trim();
        if (title?.Length > NeedValidator.MaxTitleLength)
        {
            errors.Add("title", $"El título tiene hasta {NeedValidator.MaxTitleLength} caracteres.");
        }

        errors.ThrowIfAny();

        if (await db.Rounds.AnyAsync(r => r.MunicipalityCode == municipality && (r.Period == period || r.Status == RoundStatus.Open), ct))
        {
            throw await TakenAsync(municipality, period!, ct);
        }

        var round = AssessmentRound.Open(municipality, period!, title, caller.DisplayName, clock.GetUtcNow());
        db.Rounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            throw await TakenAsync(municipality, period!, ct);
        }

        return round;
    }

    private async Task<Exception> TakenAsync(string municipality, string period, CancellationToken ct)
    {
        var open = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.MunicipalityCode == municipality && r.Status == RoundStatus.Open, ct);
        return open is not null && open.Period != period
            ? new PreconditionFailedException("ROUND_OPEN", "round",
                $"'{municipality}' ya tiene abierta la ronda {open.Period}: ciérrela antes de abrir otra.")
            : new AlreadyExistsException($"'{municipality}' ya tiene una ronda para el período {period}.");
    }
}
