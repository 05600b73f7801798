using System.Globalization;
using System.Net;
using Boards.Membership.Domain.IntegratorClients;
using Boards.Membership.Features.IdentityLink.IdentityProvider;

namespace Boards.Membership.Features.IntegratorClients.IdentityProvider;

/// <summary>
/// Integrator clients through Keycloak's Admin REST API (clients, their secret and their service account's realm
/// role), as the service account boards-membership, which needs realm-management's manage-clients (and manage-users
/// for the role mapping, which it has for focal points). Everything sent is Keycloak's own representation, so the same
/// calls work against Keycloak and our development provider (docs/identity.md, "Clients").
/// </summary>
public sealed class KeycloakIntegratorClients(KeycloakAdminConnection connection) : IIntegratorClientDirectory
{
    private const string NeededRole = "manage-clients";

    public async Task<string> RegisterAsync(IntegratorClient client, CancellationToken ct)
    {
        using (var created = await connection.RawSendAsync(HttpMethod.Post, "clients", Representation(client), ct))
        {
            await KeycloakAdminConnection.EnsureSuccessAsync(created, $"registrar el cliente '{client.ClientId}'", NeededRole, ct);
        }

        var id = await FindIdAsync(client.ClientId, ct)
                 ?? throw new IdentityAdminException($"El proveedor de identidad no devolvió el cliente '{client.ClientId}' recién registrado.", transient: true);
        var account = await connection.SendAsync<KeycloakUser>(HttpMethod.Get, $"clients/{Escape(id)}/service-account-user", null, NeededRole, ct)
                      ?? throw new IdentityAdminException($"El cliente '{client.ClientId}' no tiene cuenta de servicio.", transient: false);
        var role = await connection.SendAsync<KeycloakRole>(HttpMethod.Get, $"roles/{BoardsRoles.Integrator}", null, "view-realm", ct)
                   ?? throw new IdentityAdminException($"El rol '{BoardsRoles.Integrator}' no existe en el proveedor de identidad.", transient: false);
        using (var mapped = await connection.RawSendAsync(
                   HttpMethod.Post, $"users/{Escape(account.Id ?? "")}/role-mappings/realm", new[] { role }, ct))
        {
            await KeycloakAdminConnection.EnsureSuccessAsync(mapped, $"asignar el rol '{BoardsRoles.Integrator}'", "manage-users", ct);
        }

        var secret = await connection.SendAsync<Credential>(HttpMethod.Get, $"clients/{Escape(id)}/client-secret", null, NeededRole, ct);
        return secret?.Value ?? throw new IdentityAdminException("El proveedor de identidad no devolvió el secreto del cliente.", transient: true);
    }

    public async Task<string> RegenerateSecretAsync(string clientId, CancellationToken ct)
    {
        var id = await FindIdAsync(clientId, ct)
                 ?? throw new IdentityAdminException($"El proveedor de identidad no tiene el cliente '{clientId}'.", transient: false);
        using var response = await connection.RawSendAsync(HttpMethod.Post, $"clients/{Escape(id)}/client-secret", null, ct);
        await KeycloakAdminConnection.EnsureSuccessAsync(response, $"cambiar el secreto de '{clientId}'", NeededRole, ct);
        var secret = await response.Content.ReadFromJsonAsync<Credential>(KeycloakAdminConnection.Json, ct);
        return secret?.Value ?? throw new IdentityAdminException("El proveedor de identidad no devolvió el secreto nuevo.", transient: true);
    }

    public async Task DeleteAsync(string clientId, CancellationToken ct)
    {
        if (await FindIdAsync(clientId, ct) is not { } id)
        {
            return;
        }

        using var response = await connection.RawSendAsync(HttpMethod.Delete, $"clients/{Escape(id)}", null, ct);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await KeycloakAdminConnection.EnsureSuccessAsync(response, $"eliminar el cliente '{clientId}'", NeededRole, ct);
        }
    }

    /// <summary>Keycloak's internal id of the client (GET /clients?clientId= matches exactly), or null.</summary>
    private async Task<string?> FindIdAsync(string clientId, CancellationToken ct)
    {
        var found = await connection.SendAsync<List<ClientSummary>>(
            HttpMethod.Get, $"clients?clientId={Uri.EscapeDataString(clientId)}", null, NeededRole, ct) ?? [];
        return found.FirstOrDefault(client => client.ClientId == clientId)?.Id;
    }

    /// <summary>
    /// Keycloak's ClientRepresentation: confidential, only client credentials, the realm's basic and roles scopes, the API
    /// audience and one client scope per area; institution and rate limit as hardcoded claims of the access token.
    /// </summary>
    public static object Representation(IntegratorClient client) => new
    {
        clientId = client.ClientId,
        name = client.Name,
        description = $"Cliente integrador de {client.Institution}, registrado en Boards por {client.CreatedBy}.",
        enabled = true,
        protocol = "openid-connect",
        publicClient = false,
        bearerOnly = false,
        clientAuthenticatorType = "client-secret",
        serviceAccountsEnabled = true,
        standardFlowEnabled = false,
        implicitFlowEnabled = false,
        directAccessGrantsEnabled = false,
        fullScopeAllowed = true,
        defaultClientScopes = new[] { "basic", "roles", "boards-api" }.Concat(client.Scopes.Select(IntegratorAreas.ScopeOf)).ToArray(),
        optionalClientScopes = Array.Empty<string>(),
        protocolMappers = new[]
        {
            HardcodedClaim(BoardsClaimTypes.Institution, client.Institution, "String"),
            HardcodedClaim(BoardsClaimTypes.RateLimit, client.RateLimitPerSecond.ToString(CultureInfo.InvariantCulture), "int"),
        },
    };

    private static object HardcodedClaim(string claim, string value, string jsonType) => new
    {
        name = claim,
        protocol = "openid-connect",
        protocolMapper = "oidc-hardcoded-claim-mapper",
        consentRequired = false,
        config = new Dictionary<string, string>
        {
            ["claim.name"] = claim,
            ["claim.value"] = value,
            ["jsonType.label"] = jsonType,
            ["access.token.claim"] = "true",
            ["id.token.claim"] = "false",
            ["userinfo.token.claim"] = "false",
            ["introspection.token.claim"] = "true",
        },
    };

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private sealed record ClientSummary(string? Id, string? ClientId);

    private sealed record Credential(string? Type, string? Value);
}
