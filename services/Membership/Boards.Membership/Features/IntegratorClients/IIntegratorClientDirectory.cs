using Boards.Membership.Domain.IntegratorClients;
using Boards.Membership.Features.IdentityLink.IdentityProvider;

namespace Boards.Membership.Features.IntegratorClients;

/// <summary>
/// Where integrator clients live as OAuth clients: the identity provider (Keycloak, or our development provider at the
/// same Admin REST paths). Failures are <see cref="IdentityAdminException"/>.
/// </summary>
public interface IIntegratorClientDirectory
{
    /// <summary>Creates the confidential client, gives its service account the integrator role; returns its secret.</summary>
    Task<string> RegisterAsync(IntegratorClient client, CancellationToken ct);

    /// <summary>A new secret; the old one stops working at the provider.</summary>
    Task<string> RegenerateSecretAsync(string clientId, CancellationToken ct);

    /// <summary>Deletes the client: no more tokens. A client the provider no longer has is already deleted.</summary>
    Task DeleteAsync(string clientId, CancellationToken ct);
}

/// <summary>Without Membership:IdentityLink:ClientSecret nothing can be registered: every call says why.</summary>
public sealed class UnconfiguredIntegratorClientDirectory : IIntegratorClientDirectory
{
    private static IdentityAdminException NotConfigured() => new(
        "El enlace con el proveedor de identidad no está configurado (Membership:IdentityLink:ClientSecret).", transient: false);

    public Task<string> RegisterAsync(IntegratorClient client, CancellationToken ct) => throw NotConfigured();

    public Task<string> RegenerateSecretAsync(string clientId, CancellationToken ct) => throw NotConfigured();

    public Task DeleteAsync(string clientId, CancellationToken ct) => throw NotConfigured();
}
