using Boards.Membership.Data;
using Boards.Membership.Domain.IntegratorClients;

namespace Boards.Membership.Features.IntegratorClients.Get;

/// <summary>One integrator client by its client id (ministry-admin); 404 when there is none.</summary>
public sealed class GetIntegratorClientHandler(MembershipDbContext db)
{
    public async Task<IntegratorClient> HandleAsync(string? clientId, Caller caller, CancellationToken ct)
    {
        IntegratorClientRules.EnsureAdmin(caller);
        return await FindAsync(db.IntegratorClients.AsNoTracking(), clientId, ct);
    }

    public static async Task<IntegratorClient> FindAsync(IQueryable<IntegratorClient> clients, string? clientId, CancellationToken ct) =>
        clientId is { Length: > 0 and <= MembershipLimits.IntegratorClientId }
            ? await clients.SingleOrDefaultAsync(client => client.ClientId == clientId, ct) ?? throw IntegratorClientRules.NotFound(clientId)
            : throw IntegratorClientRules.NotFound(clientId);
}
