using System.Net;

namespace Boards.Membership.Features.IdentityLink.IdentityProvider;

/// <summary>
/// A small client of Keycloak's Admin REST API (users, their attributes and realm role mappings), authenticated as a
/// service account with the client credentials grant (<see cref="KeycloakAdminConnection"/>). Our development identity
/// provider serves the same subset at the same paths, so this one client works against both (docs/identity.md).
/// </summary>
public sealed class KeycloakUserAdmin(KeycloakAdminConnection connection)
{
    private const string NeededRole = "manage-users";

    public KeycloakUserAdmin(HttpClient http, KeycloakAdminOptions options, TimeProvider clock)
        : this(new KeycloakAdminConnection(http, options, clock))
    {
    }

    /// <summary>The user with exactly this user name, or null.</summary>
    public async Task<KeycloakUser?> FindUserAsync(string username, CancellationToken ct)
    {
        var users = await SendAsync<List<KeycloakUser>>(HttpMethod.Get,
            $"users?username={Uri.EscapeDataString(username)}&exact=true", null, ct) ?? [];
        return users.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The user, created (enabled, without credentials) when it does not exist yet.</summary>
    public async Task<KeycloakUser> EnsureUserAsync(string username, CancellationToken ct)
    {
        if (await FindUserAsync(username, ct) is { } existing)
        {
            return existing;
        }

        using var response = await RawSendAsync(HttpMethod.Post, "users", new KeycloakUser { Username = username, Enabled = true }, ct);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            await EnsureSuccessAsync(response, "crear el usuario", ct);
        }

        return await FindUserAsync(username, ct)
               ?? throw new IdentityAdminException($"El proveedor de identidad no devolvió el usuario '{username}' recién creado.", transient: true);
    }

    /// <summary>Sets one attribute (null or empty removes it), keeping the others: Keycloak replaces the whole map on update.</summary>
    public async Task SetAttributeAsync(KeycloakUser user, string name, IReadOnlyList<string>? values, CancellationToken ct)
    {
        var attributes = new Dictionary<string, List<string>>(user.Attributes ?? [], StringComparer.Ordinal);
        if (values is { Count: > 0 })
        {
            attributes[name] = values.ToList();
        }
        else
        {
            attributes.Remove(name);
        }

        using var response = await RawSendAsync(HttpMethod.Put, $"users/{Uri.EscapeDataString(RequireId(user))}",
            new { attributes }, ct);
        await EnsureSuccessAsync(response, "actualizar los atributos del usuario", ct);
    }

    public async Task<IReadOnlyList<KeycloakRole>> RealmRolesOfAsync(KeycloakUser user, CancellationToken ct) =>
        await SendAsync<List<KeycloakRole>>(HttpMethod.Get, $"users/{Uri.EscapeDataString(RequireId(user))}/role-mappings/realm", null, ct) ?? [];

    public async Task AddRealmRoleAsync(KeycloakUser user, string roleName, CancellationToken ct) =>
        await MapRealmRoleAsync(HttpMethod.Post, user, roleName, "asignar el rol", ct);

    public async Task RemoveRealmRoleAsync(KeycloakUser user, string roleName, CancellationToken ct) =>
        await MapRealmRoleAsync(HttpMethod.Delete, user, roleName, "quitar el rol", ct);

    private async Task MapRealmRoleAsync(HttpMethod method, KeycloakUser user, string roleName, string action, CancellationToken ct)
    {
        var role = await SendAsync<KeycloakRole>(HttpMethod.Get, $"roles/{Uri.EscapeDataString(roleName)}", null, ct)
                   ?? throw new IdentityAdminException($"El rol '{roleName}' no existe en el proveedor de identidad.", transient: false);
        using var response = await RawSendAsync(method, $"users/{Uri.EscapeDataString(RequireId(user))}/role-mappings/realm", new[] { role }, ct);
        await EnsureSuccessAsync(response, $"{action} '{roleName}'", ct);
    }

    private Task<T?> SendAsync<T>(HttpMethod method, string relative, object? body, CancellationToken ct) =>
        connection.SendAsync<T>(method, relative, body, NeededRole, ct);

    private Task<HttpResponseMessage> RawSendAsync(HttpMethod method, string relative, object? body, CancellationToken ct) =>
        connection.RawSendAsync(method, relative, body, ct);

    private static Task EnsureSuccessAsync(HttpResponseMessage response, string action, CancellationToken ct) =>
        KeycloakAdminConnection.EnsureSuccessAsync(response, action, NeededRole, ct);

    private static string RequireId(KeycloakUser user) =>
        user.Id ?? throw new IdentityAdminException($"El usuario '{user.Username}' llegó sin identificador.", transient: false);
}
