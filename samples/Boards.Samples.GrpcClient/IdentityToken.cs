using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Boards.Samples.GrpcClient;

/// <summary>An access token from the identity provider (Keycloak's paths) by client credentials.</summary>
public static class IdentityToken
{
    public static async Task<string> ByClientCredentialsAsync(SampleSettings settings)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{settings.Realm}/protocol/openid-connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.ClientId,
                ["client_secret"] = settings.ClientSecret,
                ["scope"] = "boards-api",
            }));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token?.AccessToken ?? throw new InvalidOperationException("El proveedor de identidad no devolvió un token.");
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
