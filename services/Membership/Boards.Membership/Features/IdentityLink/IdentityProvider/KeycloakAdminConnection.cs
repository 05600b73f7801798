using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Boards.Membership.Features.IdentityLink.IdentityProvider;

/// <summary>
/// Calls Keycloak's Admin REST API as a service account (client credentials grant, token kept until shortly before it
/// expires). Our development identity provider serves the same subset at the same paths (docs/identity.md). Shared by
/// the users client (focal points) and the clients client (integrators), so both use one token.
/// </summary>
public sealed class KeycloakAdminConnection(HttpClient http, KeycloakAdminOptions options, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpiresAt;

    public KeycloakAdminOptions Options => options;

    /// <summary>The answer's body as <typeparamref name="T"/>; default for a 404 to a GET; otherwise a failure throws.</summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string relative, object? body, string neededRole, CancellationToken ct)
    {
        using var response = await RawSendAsync(method, relative, body, ct);
        if (response.StatusCode == HttpStatusCode.NotFound && method == HttpMethod.Get)
        {
            return default;
        }

        await EnsureSuccessAsync(response, "consultar", neededRole, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct);
    }

    public async Task<HttpResponseMessage> RawSendAsync(HttpMethod method, string relative, object? body, CancellationToken ct)
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

    /// <summary>Throws what the provider answered, in Spanish; <paramref name="neededRole"/> names the realm-management role a 403 lacks.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string action, string neededRole, CancellationToken ct)
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
            HttpStatusCode.Forbidden => $"la cuenta de servicio no tiene el rol {neededRole} de realm-management",
            _ => $"respondió {status}",
        };
        throw new IdentityAdminException($"El proveedor de identidad no permitió {action}: {reason}. {detail}".Trim(), transient);
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
                await EnsureSuccessAsync(response, $"obtener un token para la cuenta de servicio '{options.ClientId}'", "", ct);
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

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
