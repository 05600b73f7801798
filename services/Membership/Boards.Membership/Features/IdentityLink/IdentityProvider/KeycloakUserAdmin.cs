using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Boards.Membership.Features.IdentityLink.IdentityProvider;

/// <summary>
/// A small client of Keycloak's Admin REST API (users, their attributes and realm role mappings), authenticated as a
/// service account with the client credentials grant. Our development identity provider serves the same subset at the
/// same paths, so this one client works against both (docs/identity.md).
/// </summary>
public sealed class KeycloakUserAdmin(HttpClient http, KeycloakAdminOptions options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpiresAt;

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

    private async Task<T?> SendAsync<T>(HttpMethod method, string relative, object? body, CancellationToken ct)
    {
        using var response = await RawSendAsync(method, relative, body, ct);
        if (response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Get)
        {
            return default;
        }

        await EnsureSuccessAsync(response, "consultar", ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct);
    }

    private async Task<HttpResponseMessage> RawSendAsync(HttpMethod method, string relative, object? body, CancellationToken ct)
    {
        var token = await AccessTokenAsync(ct);
        using var request = new HttpRequestMessage(method, new Uri(options.AdminBase, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (HttpRequestException exception)
        {
            throw new IdentityAdminException($"No se pudo contactar al proveedor de identidad ({options.AdminBase.Authority}).", transient: true, exception);
        }
    }

    private async Task<string> AccessTokenAsync(CancellationToken ct)
    {
        await _tokenLock.WaitAsync(ct);
        try
        {
            if (_token is not null && clock.GetUtcNow() < _tokenExpiresAt)
            {
                return _token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret,
            });
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(options.TokenEndpoint, form, ct);
            }
            catch (HttpRequestException exception)
            {
                throw new IdentityAdminException($"No se pudo contactar al proveedor de identidad ({options.TokenEndpoint.Authority}).", transient: true, exception);
            }

            using (response)
            {
                await EnsureSuccessAsync(response, $"obtener un token para la cuenta de servicio '{options.ClientId}'", ct);
                var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json, ct)
                            ?? throw new IdentityAdminException("El proveedor de identidad respondió sin token.", transient: true);
                _token = token.AccessToken;
                // Renew a little early so a token never expires in flight.
                _tokenExpiresAt = clock.GetUtcNow().AddSeconds(Math.Max(0, token.ExpiresIn - 30));
                return _token;
            }
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string action, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(ct);
        var detail = body.Length > 300 ? body[..300] : body;
        var transient = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests || response.StatusCode == HttpStatusCode.RequestTimeout;
        var reason = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "la cuenta de servicio no fue aceptada (revise el client_id y el secreto)",
            HttpStatusCode.Forbidden => "la cuenta de servicio no tiene el rol manage-users de realm-management",
            _ => $"respondió {status}",
        };
        throw new IdentityAdminException($"El proveedor de identidad no permitió {action}: {reason}. {detail}".Trim(), transient);
    }

    private static string RequireId(KeycloakUser user) =>
        user.Id ?? throw new IdentityAdminException($"El usuario '{user.Username}' llegó sin identificador.", transient: false);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
