using Boards.Membership.Data;

namespace Boards.Membership.Features.ListMunicipalities;

/// <summary>The list shape Referrals served before the registry moved here; clients depend on it.</summary>
public sealed record MunicipalityView(string Code, string Name, string Department);

/// <summary>The registry's districts for anyone signed in, by department number, then name.</summary>
public sealed class ListMunicipalitiesHandler(MembershipDbContext db)
{
    public async Task<IReadOnlyList<MunicipalityView>> HandleAsync(CancellationToken ct) =>
        await db.Municipalities.AsNoTracking()
            .OrderBy(m => m.DepartmentNumber).ThenBy(m => m.Name).ThenBy(m => m.Code)
            .Select(m => new MunicipalityView(m.Code, m.Name, m.Department))
            .ToListAsync(ct);
}
