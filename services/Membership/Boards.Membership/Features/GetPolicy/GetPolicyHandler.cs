using Boards.Membership.Data;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.GetPolicy;

/// <summary>Reads the current policy (any Boards role).</summary>
public sealed class GetPolicyHandler(MembershipDbContext db)
{
    public async Task<PolicyView> HandleAsync(Caller caller, CancellationToken ct)
    {
        // Any Boards role reads the policy; anyone else is refused.
        BoardAccess.ListScope(caller, null);
        var latest = await db.RepresentativityPolicies.AsNoTracking().OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        return latest is null
            ? new PolicyView(RepresentativityPolicy.Default.Version, null, null, RepresentativityPolicy.Default)
            : new PolicyView(latest.Version, latest.CreatedAt, latest.CreatedBy, latest.ToPolicy());
    }
}
