using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Membership.Data;
using Boards.Membership.Domain.IntegratorClients;
using Boards.Membership.Features.IdentityLink.IdentityProvider;

namespace Boards.Membership.Features.IntegratorClients.Register;

/// <summary>Everything optional, so that validation names every missing field instead of the serializer failing on the first.</summary>
public sealed record RegisterIntegratorClientCommand
{
    /// <summary>The system's name, 3 to 100 characters ("Ficha Social – SIIS").</summary>
    [MaxText(MembershipLimits.IntegratorName)]
    public string? Name { get; init; }

    /// <summary>The institution it acts for: a code of data/reference/institutions.csv ("mspbs").</summary>
    [MaxText(MembershipLimits.Code)]
    public string? Institution { get; init; }

    /// <summary>The API areas it may call: referrals, monitoring, offer, service-days, plans, boards.</summary>
    [MaxItems(MembershipLimits.IntegratorAreas)]
    [EachMaxText(MembershipLimits.IntegratorArea)]
    public IReadOnlyList<string?>? Scopes { get; init; }

    /// <summary>Requests per second the gateway lets it make, 1 to 1000 (checked with the other fields, so one 400 names them all).</summary>
    public int? RateLimitPerSecond { get; init; }
}

/// <summary>
/// Registers an integrator client (ministry-admin): the row first, so that a client never exists at the identity
/// provider without Membership knowing it, then the client there; its secret is returned once and not kept. If the
/// provider fails, the row is kept as revoked (registration failed) and whatever the provider made is deleted.
/// </summary>
public sealed class RegisterIntegratorClientHandler(
    MembershipDbContext db, IIntegratorClientDirectory directory, Institutions institutions, TimeProvider clock,
    ILogger<RegisterIntegratorClientHandler> log)
{
    public async Task<(IntegratorClient Client, string Secret)> HandleAsync(RegisterIntegratorClientCommand command, Caller caller, CancellationToken ct)
    {
        IntegratorClientRules.EnsureAdmin(caller);
        var errors = new FieldErrors();
        var name = IntegratorClientRules.Name(errors, command.Name);
        var institution = IntegratorClientRules.Institution(errors, command.Institution, institutions);
        var scopes = IntegratorClientRules.Scopes(errors, command.Scopes);
        var rate = IntegratorClientRules.RateLimit(errors, command.RateLimitPerSecond);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var client = IntegratorClient.Register(IntegratorClientRules.NewClientId(institution), name, institution, scopes, rate, now, caller.DisplayName);
        db.IntegratorClients.Add(client);
        db.IntegratorClientChanges.Add(IntegratorClientChange.Of(client, IntegratorClientChange.Registered, caller.DisplayName, now,
            $"institución {institution}; áreas {string.Join(", ", scopes)}; {rate} solicitudes por segundo"));
        await db.SaveChangesAsync(ct);

        try
        {
            var secret = await directory.RegisterAsync(client, ct);
            log.LogInformation("Integrator client {ClientId} ({Institution}, areas {Scopes}) registered by {Actor}",
                client.ClientId, institution, string.Join(",", scopes), caller.DisplayName);
            return (client, secret);
        }
        catch (IdentityAdminException exception)
        {
            await GiveUpAsync(client, exception, ct);
            throw new IntegratorProviderException(
                $"No se pudo registrar el cliente en el proveedor de identidad, y no se entregó ningún secreto: {exception.Message}", exception);
        }
    }

    /// <summary>The registration did not complete: the client id is revoked for good, and taken out of the provider if it got there.</summary>
    private async Task GiveUpAsync(IntegratorClient client, IdentityAdminException failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        client.Revoke(now, "sistema", "El registro en el proveedor de identidad no se completó.");
        db.IntegratorClientChanges.Add(IntegratorClientChange.Of(client, IntegratorClientChange.RegistrationFailed, "sistema", now, failure.Message));
        try
        {
            await directory.DeleteAsync(client.ClientId, ct);
            client.MarkRemovedFromProvider();
        }
        catch (IdentityAdminException exception)
        {
            log.LogWarning(exception, "Integrator client {ClientId}: registration failed and the provider could not be cleaned up", client.ClientId);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
