using System.Security.Claims;
using Boards.Identity.Clients;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Server;

/// <summary>Turns a stored account or a client into the principal OpenIddict signs, with scopes and audience.</summary>
public sealed class PrincipalFactory(
    IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, IdentityDbContext db)
{
    public async Task<ClaimsPrincipal> ForAccountAsync(
        UserAccount account, string clientId, IEnumerable<string> requestedScopes, CancellationToken cancellationToken)
    {
        var application = await FindApplicationAsync(clientId, cancellationToken);
        var granted = await GrantAsync(application, requestedScopes, forPerson: true, cancellationToken);
        return await WithResourcesAsync(KeycloakIdentity.ForAccount(account, clientId, granted), cancellationToken);
    }

    /// <summary>The client's principal; null when its stored service account is disabled (no token, as in Keycloak).</summary>
    public async Task<ClaimsPrincipal?> ForServiceAccountAsync(
        string clientId, IEnumerable<string> requestedScopes, CancellationToken cancellationToken)
    {
        var application = await FindApplicationAsync(clientId, cancellationToken);
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var account = await db.Users.AsNoTracking()
            .SingleOrDefaultAsync(user => user.ServiceAccountClientId == clientId, cancellationToken);
        if (account is { Enabled: false })
        {
            return null;
        }

        IReadOnlyList<string> roles = properties.TryGetValue(BoardsClients.RealmRolesProperty, out var rolesJson)
            ? [.. rolesJson.EnumerateArray().Select(role => role.GetString()).OfType<string>()]
            : [];
        var clientRoles = properties.TryGetValue(BoardsClients.ClientRolesProperty, out var clientRolesJson)
            ? clientRolesJson.EnumerateObject().ToDictionary(
                client => client.Name,
                client => (IReadOnlyList<string>)[.. client.Value.EnumerateArray().Select(role => role.GetString()).OfType<string>()],
                StringComparer.Ordinal)
            : null;
        var hardcoded = ClientProperties.MappersOf(properties).Where(mapper => mapper.AccessToken).Select(mapper => mapper.ToClaim()).ToList();

        // Like Keycloak, the client's default client scopes are always granted (those written into "scope").
        var defaults = ClientProperties.TokenScopes(ClientProperties.ScopesOf(properties, permissions));
        var granted = await GrantAsync(application, requestedScopes.Concat(defaults), forPerson: false, cancellationToken);
        return await WithResourcesAsync(
            KeycloakIdentity.ForServiceAccount(clientId, account, roles, clientRoles, hardcoded, granted), cancellationToken);
    }

    private async Task<object> FindApplicationAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken)
        ?? throw new InvalidOperationException($"El cliente '{clientId}' no está registrado.");

    /// <summary>
    /// What was asked for plus what Keycloak's realm grants by default: the API scope (so the token is for boards-api)
    /// and, for people, offline_access when the client may refresh, since Keycloak always returns a refresh token.
    /// OpenIddict has already checked the requested scopes against the client's permissions.
    /// </summary>
    private async Task<IReadOnlyList<string>> GrantAsync(
        object application, IEnumerable<string> requested, bool forPerson, CancellationToken cancellationToken)
    {
        var granted = new List<string>(requested.Distinct(StringComparer.Ordinal));
        if (!granted.Contains(BoardsScopes.Api) &&
            await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + BoardsScopes.Api, cancellationToken))
        {
            granted.Add(BoardsScopes.Api);
        }

        if (forPerson && !granted.Contains(Scopes.OfflineAccess) &&
            await applications.HasPermissionAsync(application, Permissions.GrantTypes.RefreshToken, cancellationToken))
        {
            granted.Add(Scopes.OfflineAccess);
        }

        return granted;
    }

    private async Task<ClaimsPrincipal> WithResourcesAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(principal.GetScopes(), cancellationToken))
        {
            resources.Add(resource);
        }

        return principal.SetResources(resources);
    }
}
