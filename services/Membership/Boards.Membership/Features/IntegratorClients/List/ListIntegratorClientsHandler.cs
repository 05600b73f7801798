using Boards.Membership.Data;
using Boards.Membership.Domain.IntegratorClients;

namespace Boards.Membership.Features.IntegratorClients.List;

/// <summary>Every integrator client, active and revoked, newest first (ministry-admin).</summary>
public sealed class ListIntegratorClientsHandler(MembershipDbContext db)
{
    public async Task<IReadOnlyList<IntegratorClient>> HandleAsync(Caller caller, CancellationToken ct)
    {
        IntegratorClientRules.EnsureAdmin(caller);
        return await db.IntegratorClients.AsNoTracking()
            .OrderByDescending(client => client.CreatedAt).ThenBy(client => client.ClientId)
            .ToListAsync(ct);
    }
}
