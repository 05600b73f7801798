namespace Boards.Planning.Features.ListProposals;

/// <summary>Board agreements proposed as actions, per municipality (a focal point: their own), optionally of one status.</summary>
public sealed class ListProposalsHandler(PlanningDbContext db, ProposalStore proposals)
{
    public async Task<IReadOnlyList<ProposalView>> HandleAsync(string? municipality, string? status, Caller caller, CancellationToken ct)
    {
        var code = PlanAccess.ListScope(caller, municipality);
        var query = db.Proposals.AsNoTracking();
        if (code is not null)
        {
            query = query.Where(p => p.MunicipalityCode == code);
        }

        var list = await query.OrderBy(p => p.MunicipalityCode).ThenBy(p => p.DueOn).ThenBy(p => p.AgreementId).ToListAsync(ct);
        var dates = await proposals.SessionDatesAsync(list.Select(p => p.SessionId), ct);
        return list.Select(p => ProposalView.From(p, dates.GetValueOrDefault(p.SessionId)))
            .Where(p => string.IsNullOrWhiteSpace(status) || p.Status == status.Trim())
            .ToList();
    }
}
