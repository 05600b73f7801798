using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boards.Identity.Tests;

/// <summary>The OpenID Connect requests the tests make, at Keycloak's paths, and a look inside the tokens.</summary>
public static class Protocol
{
    public const string Realm = "/realms/boards";
    public const string TokenPath = Realm + "/protocol/openid-connect/token";
    public const string AuthPath = Realm + "/protocol/openid-connect/auth";
    public const string UserInfoPath = Realm + "/protocol/openid-connect/userinfo";
    public const string LogoutPath = Realm + "/protocol/openid-connect/logout";
    public const string CertsPath = Realm + "/protocol/openid-connect/certs";
    public const string DiscoveryPath = Realm + "/.well-known/openid-configuration";

    public static Task<TokenResponse> PasswordAsync(
        HttpClient client, string username, string password = "demo", string scope = "openid boards-api") =>
        PostTokenAsync(client, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "boards-cli",
            ["username"] = username,
            ["password"] = password,
            ["scope"] = scope,
        });

    public static Task<TokenResponse> ClientCredentialsAsync(
        HttpClient client, string secret = "demo-secret", string clientId = "integrator-demo") =>
        PostTokenAsync(client, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "boards-api",
        });

    public static async Task<TokenResponse> PostTokenAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var response = await client.PostAsync(TokenPath, new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    /// <summary>The token's payload as JSON, so that claim shapes (object, array, string) can be asserted.</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement.Clone();

    /// <summary>Validates like a Boards service: signature with the keys published at the JWKS endpoint, issuer, audience, lifetime.</summary>
    public static async Task<TokenValidationResult> ValidateAsync(HttpClient client, string jwt)
    {
        var jwks = new JsonWebKeySet(await client.GetStringAsync(CertsPath));
        return await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = IdentityHost.Issuer,
            ValidAudience = "boards-api",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            NameClaimType = "preferred_username",
            RoleClaimType = "role",
        });
    }
}

public sealed record TokenResponse(HttpStatusCode Status, JsonElement Json, string Body)
{
    public string AccessToken => Field("access_token");
    public string? Error => Json.TryGetProperty("error", out var error) ? error.GetString() : null;
    public string? ErrorDescription =>
        Json.TryGetProperty("error_description", out var description) ? description.GetString() : null;

    public string Field(string name) =>
        Json.TryGetProperty(name, out var value) && value.GetString() is { } text
            ? text
            : throw new Xunit.Sdk.XunitException($"no {name} in {(int)Status}: {Body}");
}
