namespace Boards.Referrals.Features.ListInstitutions;

public sealed record InstitutionView(string Code, string Name);

/// <summary>The institutions that send and receive referrals, by code.</summary>
public sealed class ListInstitutionsHandler(ReferralsDbContext db)
{
    public Task<List<InstitutionView>> HandleAsync(CancellationToken ct) =>
        db.Institutions.AsNoTracking()
            .OrderBy(i => i.Code)
            .Select(i => new InstitutionView(i.Code, i.Name))
            .ToListAsync(ct);
}
