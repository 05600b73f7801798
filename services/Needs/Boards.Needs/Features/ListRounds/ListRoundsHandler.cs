namespace Boards.Needs.Features.ListRounds;

/// <summary>The assessment rounds, by municipality and newest first; a focal point lists their own municipality's.</summary>
public sealed class ListRoundsHandler(NeedsDbContext db)
{
    public async Task<IReadOnlyList<RoundSummaryView>> HandleAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var municipality = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim().ToLowerInvariant();
        if (!MunicipalityAccess.ReadsAll(caller))
        {
            // A focal point lists their own municipality, named or not.
            municipality ??= caller.Municipality ?? "";
            MunicipalityAccess.EnsureCanRead(caller, municipality, MunicipalityAccess.Assessment);
        }

        var query = db.Rounds.AsNoTracking();
        if (municipality is not null)
        {
            query = query.Where(r => r.MunicipalityCode == municipality);
        }

        return await query.OrderBy(r => r.MunicipalityCode).ThenByDescending(r => r.OpenedAt)
            .Select(r => new RoundSummaryView(
                r.Id, r.MunicipalityCode, r.Period, r.Title, r.Status == RoundStatus.Open ? "open" : "closed", r.Version,
                r.Needs.Count(), r.Ballots.Count(), r.OpenedAt, r.OpenedBy, r.ClosedAt, r.ClosedBy))
            .ToListAsync(ct);
    }
}
