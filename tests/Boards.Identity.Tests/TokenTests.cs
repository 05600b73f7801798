using System.Security.Claims;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Identity.Tests;

public sealed class TokenTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task Password_grant_for_a_focal_point_gives_a_Keycloak_shaped_JWT()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.PasswordAsync(client, "focal.alto-vera");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Bearer", response.Field("token_type"));
        Assert.False(string.IsNullOrEmpty(response.Field("refresh_token")));
        var payload = Protocol.Payload(response.AccessToken);
        Assert.Equal(IdentityHost.Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal("boards-api", payload.GetProperty("aud").GetString());
        Assert.Equal("focal.alto-vera", payload.GetProperty("preferred_username").GetString());
        Assert.Equal("Punto focal de Alto Verá", payload.GetProperty("name").GetString());
        Assert.Equal("boards-cli", payload.GetProperty("azp").GetString());
        Assert.Equal("alto-vera", payload.GetProperty("municipality").GetString());
        Assert.False(payload.TryGetProperty("institution", out _));
        Assert.True(Guid.TryParse(payload.GetProperty("sub").GetString(), out _));
        Assert.Contains("boards-api", payload.GetProperty("scope").GetString()!.Split(' '));

        var realmAccess = payload.GetProperty("realm_access");
        Assert.Equal(JsonValueKind.Object, realmAccess.ValueKind);
        Assert.Equal(["focal-point"], realmAccess.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task The_access_token_validates_against_the_published_keys_and_maps_to_a_Boards_caller()
    {
        using var client = identity.CreateClient();
        var token = (await Protocol.PasswordAsync(client, "officer.mspbs")).AccessToken;

        var result = await Protocol.ValidateAsync(client, token);

        Assert.True(result.IsValid, result.Exception?.ToString());
        Assert.Equal(["institution-officer"], KeycloakRolesClaimsTransformation.ReadRealmRoles(result.ClaimsIdentity).ToList());
        var caller = Caller.From(new ClaimsPrincipal(result.ClaimsIdentity));
        Assert.Equal("mspbs", caller.Institution);
        Assert.Null(caller.Municipality);
        Assert.Equal("officer.mspbs", caller.DisplayName);
        Assert.True(caller.ServesIn("alto-vera")); // the demo officers serve in every pilot municipality
        Assert.False(caller.ServesIn("otro-municipio"));
    }

    [Fact]
    public async Task An_officer_serves_where_the_municipalities_attribute_says_as_a_Keycloak_multivalued_array()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var id = await admin.CreateUserAsync(new
        {
            username = "officer.dos-municipios",
            enabled = true,
            firstName = "Funcionaria",
            attributes = new Dictionary<string, string[]> { ["institution"] = ["mspbs"], ["municipalities"] = ["pilar", "alto-vera"] },
        });
        var officerRole = await admin.GetJsonAsync("roles/institution-officer");
        using var granted = await admin.SendAsync(HttpMethod.Post, $"users/{id}/role-mappings/realm", new[] { officerRole });
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());

        var token = (await Protocol.PasswordAsync(client, "officer.dos-municipios")).AccessToken;

        var served = Protocol.Payload(token).GetProperty("municipalities");
        Assert.Equal(JsonValueKind.Array, served.ValueKind);
        Assert.Equal(["pilar", "alto-vera"], served.EnumerateArray().Select(value => value.GetString()));
        var result = await Protocol.ValidateAsync(client, token);
        var caller = Caller.From(new ClaimsPrincipal(result.ClaimsIdentity));
        Assert.True(caller.ServesIn("pilar") && caller.ServesIn("alto-vera"));
        Assert.False(caller.ServesIn("ri-3-corrales"));
        Assert.Null(caller.Municipality); // a focal point's single municipality is another attribute
    }

    [Fact]
    public async Task Ministry_accounts_carry_their_roles()
    {
        using var client = identity.CreateClient();

        var analyst = Protocol.Payload((await Protocol.PasswordAsync(client, "analyst")).AccessToken);
        var admin = Protocol.Payload((await Protocol.PasswordAsync(client, "admin")).AccessToken);

        Assert.Equal("ministry-analyst", analyst.GetProperty("realm_access").GetProperty("roles")[0].GetString());
        Assert.Equal("ministry-admin", admin.GetProperty("realm_access").GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Client_credentials_for_the_integrator_give_role_integrator_and_its_institution()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.ClientCredentialsAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var payload = Protocol.Payload(response.AccessToken);
        Assert.Equal("boards-api", payload.GetProperty("aud").GetString());
        Assert.Equal("integrator-demo", payload.GetProperty("azp").GetString());
        Assert.Equal("mspbs", payload.GetProperty("institution").GetString());
        Assert.Equal(["integrator"], payload.GetProperty("realm_access").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True((await Protocol.ValidateAsync(client, response.AccessToken)).IsValid);
    }

    [Fact]
    public async Task A_wrong_password_is_invalid_grant_with_a_Spanish_description()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.PasswordAsync(client, "focal.alto-vera", password: "incorrecta");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
        Assert.Equal("Usuario o contraseña incorrectos.", response.ErrorDescription);
    }

    [Fact]
    public async Task An_unknown_user_is_refused_like_a_wrong_password()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.PasswordAsync(client, "focal.nowhere");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_invalid_client()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.ClientCredentialsAsync(client, secret: "not-the-secret");

        Assert.Contains(response.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest });
        Assert.Equal("invalid_client", response.Error);
        Assert.Equal("Las credenciales del cliente no son válidas.", response.ErrorDescription);
    }

    [Fact]
    public async Task An_unknown_client_is_invalid_client()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.ClientCredentialsAsync(client, clientId: "nobody");

        Assert.Contains(response.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest });
        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task A_client_may_only_use_its_own_grants()
    {
        using var client = identity.CreateClient();

        var response = await Protocol.PostTokenAsync(client, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "boards-cli",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("grant_type=nonsense&client_id=boards-cli")]
    [InlineData("grant_type=password&client_id=boards-cli")]
    [InlineData("grant_type=refresh_token&client_id=boards-cli&refresh_token=not-a-token")]
    [InlineData("grant_type=password&client_id=boards-cli&username=%00&password=x")]
    public async Task Malformed_token_requests_are_OAuth_errors_never_a_500(string form)
    {
        using var client = identity.CreateClient();

        using var response = await client.PostAsync(
            Protocol.TokenPath, new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_with_the_same_claims()
    {
        using var client = identity.CreateClient();
        var first = await Protocol.PasswordAsync(client, "focal.alto-vera");

        var refreshed = await Protocol.PostTokenAsync(client, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "boards-cli",
            ["refresh_token"] = first.Field("refresh_token"),
        });

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var payload = Protocol.Payload(refreshed.AccessToken);
        Assert.Equal("alto-vera", payload.GetProperty("municipality").GetString());
        Assert.Equal(JsonValueKind.Object, payload.GetProperty("realm_access").ValueKind);
        Assert.Equal("boards-api", payload.GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Userinfo_returns_the_same_claims()
    {
        using var client = identity.CreateClient();
        var token = (await Protocol.PasswordAsync(client, "focal.alto-vera")).AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, Protocol.UserInfoPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var payload = Protocol.Payload(token);
        Assert.Equal(payload.GetProperty("sub").GetString(), claims.GetProperty("sub").GetString());
        Assert.Equal("focal.alto-vera", claims.GetProperty("preferred_username").GetString());
        Assert.Equal("Punto focal de Alto Verá", claims.GetProperty("name").GetString());
        Assert.Equal("alto-vera", claims.GetProperty("municipality").GetString());
        Assert.Equal("focal-point", claims.GetProperty("realm_access").GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Userinfo_without_a_valid_token_is_401_not_500()
    {
        using var client = identity.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Protocol.UserInfoPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }
}
