namespace Boards.Identity.Tests;

public sealed class DiscoveryTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task Discovery_is_served_at_Keycloaks_path_with_the_issuer_and_Keycloaks_endpoint_paths()
    {
        using var client = identity.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync(Protocol.DiscoveryPath)).RootElement;

        Assert.Equal(IdentityHost.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal(Protocol.TokenPath, PathOf(document, "token_endpoint"));
        Assert.Equal(Protocol.AuthPath, PathOf(document, "authorization_endpoint"));
        Assert.Equal(Protocol.UserInfoPath, PathOf(document, "userinfo_endpoint"));
        Assert.Equal(Protocol.LogoutPath, PathOf(document, "end_session_endpoint"));
        Assert.Equal(Protocol.CertsPath, PathOf(document, "jwks_uri"));
        Assert.Equal(["S256"], document.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("boards-api", document.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_JWKS_endpoint_publishes_an_RSA_signing_key()
    {
        using var client = identity.CreateClient();

        var keys = JsonDocument.Parse(await client.GetStringAsync(Protocol.CertsPath)).RootElement.GetProperty("keys");

        var key = Assert.Single(keys.EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _)); // never the private part
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var client = identity.CreateClient();

        Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode);
        Assert.True((await client.GetAsync("/alive")).IsSuccessStatusCode);
    }

    private static string PathOf(JsonElement document, string property) =>
        new Uri(document.GetProperty(property).GetString()!).AbsolutePath;
}
