using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Boards.Bench.Infrastructure;

/// <summary>Real tokens from the identity provider: the password grant for the demo accounts (password "demo").</summary>
public sealed class Tokens(Uri realm, HttpClient http)
{
    public async Task<string?> TryForUserAsync(string username, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri($"{realm}/protocol/openid-connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "boards-cli",
            ["username"] = username,
            ["password"] = "demo",
            ["scope"] = "openid boards-api",
        }), cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken))!.AccessToken
            : null;
    }

    public async Task<string> ForUserAsync(string username, CancellationToken cancellationToken) =>
        await TryForUserAsync(username, cancellationToken)
        ?? throw new InvalidOperationException($"El proveedor de identidad no entregó un token para '{username}' (¿cuentas de demostración desactivadas?).");

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
