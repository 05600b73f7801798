using Boards.BuildingBlocks.Api.Limits;
using Boards.Membership.Data;
using Boards.Membership.Domain.IntegratorClients;
using Boards.Membership.Features.IdentityLink.IdentityProvider;
using Boards.Membership.Features.IntegratorClients.Get;

namespace Boards.Membership.Features.IntegratorClients.Revoke;

public sealed record RevokeIntegratorClientCommand
{
    /// <summary>Why, 10 to 500 characters; kept for the audit.</summary>
    [MaxText(MembershipLimits.IntegratorRevokeReason)]
    public string? Reason { get; init; }
}

/// <summary>
/// Revokes an integrator client (ministry-admin): first marked revoked here, which the gateway's access check refuses
/// from the next call on, then deleted at the identity provider, which stops new tokens. The row is kept for the audit.
/// If the provider does not answer, the revocation stands and repeating it finishes the deletion; a client already
/// revoked and deleted is a 409.
/// </summary>
public sealed class RevokeIntegratorClientHandler(
    MembershipDbContext db, IIntegratorClientDirectory directory, TimeProvider clock, ILogger<RevokeIntegratorClientHandler> log)
{
    public async Task<IntegratorClient> HandleAsync(string? clientId, RevokeIntegratorClientCommand command, Caller caller, CancellationToken ct)
    {
        IntegratorClientRules.EnsureAdmin(caller);
        var errors = new FieldErrors();
        var reason = IntegratorClientRules.Reason(errors, command.Reason);
        errors.ThrowIfAny();

        var client = await GetIntegratorClientHandler.FindAsync(db.IntegratorClients, clientId, ct);
        if (client.Status == IntegratorClientStatus.Active)
        {
            var now = clock.GetUtcNow();
            client.Revoke(now, caller.DisplayName, reason);
            db.IntegratorClientChanges.Add(IntegratorClientChange.Of(client, IntegratorClientChange.Revoked, caller.DisplayName, now, reason));
            await db.SaveChangesAsync(ct); // a concurrent revocation loses here (xmin) and is answered 409
            log.LogInformation("Integrator client {ClientId} revoked by {Actor}: {Reason}", client.ClientId, caller.DisplayName, reason);
        }
        else if (client.RemovedFromProvider)
        {
            throw new IntegratorClientRuleException(IntegratorClientRuleException.Revoked,
                $"El cliente integrador '{client.ClientId}' ya fue revocado el {client.RevokedAt:yyyy-MM-dd} por {client.RevokedBy}.");
        }

        try
        {
            await directory.DeleteAsync(client.ClientId, ct);
        }
        catch (IdentityAdminException exception)
        {
            throw new IntegratorProviderException(
                "El cliente quedó revocado en Boards (la pasarela ya rechaza sus llamadas), pero el proveedor de identidad no lo " +
                $"eliminó y todavía puede emitirle tokens: repita la revocación para completarla. {exception.Message}", exception);
        }

        client.MarkRemovedFromProvider();
        db.IntegratorClientChanges.Add(IntegratorClientChange.Of(client, IntegratorClientChange.RemovedFromProvider, caller.DisplayName, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return client;
    }
}
