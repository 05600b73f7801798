namespace Boards.Planning.Features.ListPrioritizedNeeds;

public sealed record PrioritizedNeedView(Guid NeedId, Guid RoundId, string MunicipalityCode, string Period, int Rank, string Category, string Locality,
    string PopulationGroup, int PeopleAffected, int Severity, DateTimeOffset ClosedAt);

/// <summary>The prioritized needs an objective may link to, newest round first, by rank.</summary>
public sealed class ListPrioritizedNeedsHandler(PlanningDbContext db)
{
    public async Task<IReadOnlyList<PrioritizedNeedView>> HandleAsync(string? municipality, Caller caller, CancellationToken ct)
    {
        var code = PlanAccess.ListScope(caller, municipality);
        var query = db.PrioritizedNeeds.AsNoTracking();
        if (code is not null)
        {
            query = query.Where(n => n.MunicipalityCode == code);
        }

        return await query.OrderBy(n => n.MunicipalityCode).ThenByDescending(n => n.ClosedAt).ThenBy(n => n.Rank)
            .Select(n => new PrioritizedNeedView(n.NeedId, n.RoundId, n.MunicipalityCode, n.Period, n.Rank, n.Category, n.Locality,
                n.PopulationGroup, n.PeopleAffected, n.Severity, n.ClosedAt))
            .ToListAsync(ct);
    }
}
