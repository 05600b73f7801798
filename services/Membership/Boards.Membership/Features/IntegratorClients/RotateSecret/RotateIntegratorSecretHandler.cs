using Boards.Membership.Data;
using Boards.Membership.Domain.IntegratorClients;
using Boards.Membership.Features.IdentityLink.IdentityProvider;
using Boards.Membership.Features.IntegratorClients.Get;

namespace Boards.Membership.Features.IntegratorClients.RotateSecret;

/// <summary>
/// Gives an integrator client a new secret (ministry-admin): regenerated at the provider (the old secret gets no more
/// tokens), then recorded here with the instant from which tokens count (<c>NotBefore</c>), so that tokens issued
/// before the rotation stop passing the access check too. The new secret is returned once.
/// </summary>
public sealed class RotateIntegratorSecretHandler(
    MembershipDbContext db, IIntegratorClientDirectory directory, TimeProvider clock, ILogger<RotateIntegratorSecretHandler> log)
{
    public async Task<(IntegratorClient Client, string Secret)> HandleAsync(string? clientId, Caller caller, CancellationToken ct)
    {
        IntegratorClientRules.EnsureAdmin(caller);
        var client = await GetIntegratorClientHandler.FindAsync(db.IntegratorClients, clientId, ct);
        if (client.Status == IntegratorClientStatus.Revoked)
        {
            throw new IntegratorClientRuleException(IntegratorClientRuleException.Revoked,
                $"El cliente integrador '{client.ClientId}' fue revocado: no tiene secreto que cambiar.");
        }

        string secret;
        try
        {
            secret = await directory.RegenerateSecretAsync(client.ClientId, ct);
        }
        catch (IdentityAdminException exception)
        {
            throw new IntegratorProviderException($"No se pudo cambiar el secreto en el proveedor de identidad; el anterior sigue vigente: {exception.Message}", exception);
        }

        // Measured after the provider answered: every token of the old secret was issued before this instant.
        client = await SaveAsync(client, caller.DisplayName, ct);
        log.LogInformation("Integrator client {ClientId}: secret rotated by {Actor}", client.ClientId, caller.DisplayName);
        return (client, secret);
    }

    /// <summary>Another administrator may rotate or revoke at the same moment: re-read and apply again.</summary>
    private async Task<IntegratorClient> SaveAsync(IntegratorClient client, string actor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            client.RotateSecret(now, actor);
            db.IntegratorClientChanges.Add(IntegratorClientChange.Of(client, IntegratorClientChange.SecretRotated, actor, now));
            try
            {
                await db.SaveChangesAsync(ct);
                return client;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                client = await GetIntegratorClientHandler.FindAsync(db.IntegratorClients, client.ClientId, ct);
            }
        }
    }
}
