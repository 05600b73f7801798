namespace Boards.Identity.Tests;

/// <summary>The Keycloak admin API subset Membership uses to appoint and revoke focal points.</summary>
public sealed class AdminApiTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task The_membership_client_gets_realm_management_client_roles_and_no_realm_role()
    {
        using var client = identity.CreateClient();

        var tokens = await Protocol.ClientCredentialsAsync(client, AdminApiClient.MembershipSecret, AdminApiClient.MembershipClient);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var payload = Protocol.Payload(tokens.AccessToken);
        Assert.Equal("boards-api", payload.GetProperty("aud").GetString());
        Assert.Equal("service-account-boards-membership", payload.GetProperty("preferred_username").GetString());
        var roles = payload.GetProperty("resource_access").GetProperty("realm-management").GetProperty("roles")
            .EnumerateArray().Select(role => role.GetString()).ToList();
        Assert.Contains("manage-users", roles);
        Assert.Contains("view-users", roles);
        Assert.Contains("query-users", roles);
        Assert.False(payload.TryGetProperty("realm_access", out _));
        Assert.True((await Protocol.ValidateAsync(client, tokens.AccessToken)).IsValid);
    }

    [Fact]
    public async Task Without_a_valid_token_the_admin_API_is_401()
    {
        using var client = identity.CreateClient();

        using var anonymous = await new AdminApiClient(client, null).SendAsync(HttpMethod.Get, "users");
        using var garbage = await new AdminApiClient(client, "not-a-token").SendAsync(HttpMethod.Get, "users");
        using var anonymousWrite = await new AdminApiClient(client, null).SendAsync(HttpMethod.Post, "users", rawJson: "{nope");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousWrite.StatusCode); // before the body is even read
        Assert.StartsWith("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.False(string.IsNullOrEmpty(ErrorMessage(await anonymous.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task A_valid_token_without_realm_management_roles_is_403()
    {
        using var client = identity.CreateClient();
        var integrator = new AdminApiClient(client, (await Protocol.ClientCredentialsAsync(client)).AccessToken);
        var admin = new AdminApiClient(client, (await Protocol.PasswordAsync(client, "admin")).AccessToken);

        using var read = await integrator.SendAsync(HttpMethod.Get, "users?username=analyst&exact=true");
        using var write = await admin.SendAsync(HttpMethod.Post, "users", new { username = "intruso", enabled = true });
        using var role = await admin.SendAsync(HttpMethod.Get, "roles/focal-point");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, role.StatusCode);
        Assert.Contains("manage-users", ErrorMessage(await write.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Another_realm_is_404()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        using var users = await admin.SendAsync(HttpMethod.Get, "/admin/realms/master/users");
        using var role = await admin.SendAsync(HttpMethod.Get, "/admin/realms/otro/roles/focal-point");

        Assert.Equal(HttpStatusCode.NotFound, users.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, role.StatusCode);
    }

    [Fact]
    public async Task Unknown_users_and_roles_are_404()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var analystId = await admin.FindUserIdAsync("analyst");
        var focalPoint = await admin.GetJsonAsync("roles/focal-point");

        using var unknownId = await admin.SendAsync(HttpMethod.Get, $"users/{Guid.NewGuid()}");
        using var notAnId = await admin.SendAsync(HttpMethod.Get, "users/analyst");
        using var unknownRole = await admin.SendAsync(HttpMethod.Get, "roles/superuser");
        using var mapUnknownRole = await admin.SendAsync(
            HttpMethod.Post, $"users/{analystId}/role-mappings/realm", new[] { new { id = Guid.NewGuid().ToString(), name = "superuser" } });
        using var mapWithWrongId = await admin.SendAsync(
            HttpMethod.Post, $"users/{analystId}/role-mappings/realm", new[] { new { id = Guid.NewGuid().ToString(), name = "focal-point" } });
        using var mapForNobody = await admin.SendAsync(HttpMethod.Post, $"users/{Guid.NewGuid()}/role-mappings/realm", new[] { focalPoint });
        using var updateNobody = await admin.SendAsync(HttpMethod.Put, $"users/{Guid.NewGuid()}", new { firstName = "Nadie" });

        Assert.Equal(HttpStatusCode.NotFound, unknownId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mapUnknownRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mapWithWrongId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mapForNobody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, updateNobody.StatusCode);
        Assert.Equal("Rol no encontrado.", ErrorMessage(await mapWithWrongId.Content.ReadAsStringAsync()));
        Assert.Equal(["ministry-analyst"], RoleNames(await admin.GetJsonAsync($"users/{analystId}/role-mappings/realm")));
    }

    [Fact]
    public async Task A_realm_role_looks_like_Keycloaks()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var role = await admin.GetJsonAsync("roles/focal-point");

        Assert.Equal("focal-point", role.GetProperty("name").GetString());
        Assert.True(Guid.TryParse(role.GetProperty("id").GetString(), out _));
        Assert.False(role.GetProperty("composite").GetBoolean());
        Assert.False(role.GetProperty("clientRole").GetBoolean());
        Assert.False(string.IsNullOrEmpty(role.GetProperty("containerId").GetString()));
        Assert.Contains("municipio", role.GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_existing_user_name_is_409_whatever_its_case()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        using var same = await admin.SendAsync(HttpMethod.Post, "users", new { username = "analyst", enabled = true });
        using var upper = await admin.SendAsync(HttpMethod.Post, "users", new { username = " ANALYST ", enabled = true });

        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, upper.StatusCode);
        Assert.Equal("Ya existe un usuario con el mismo nombre de usuario.", ErrorMessage(await upper.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("POST", "users", "{\"username\": \"roto\"")]
    [InlineData("POST", "users", "")]
    [InlineData("POST", "users", "[]")]
    [InlineData("POST", "users", "{\"enabled\": true}")]
    [InlineData("POST", "users", "{\"username\": 42}")]
    [InlineData("POST", "users", "{\"username\": \"a\"}")]
    [InlineData("POST", "users", "{\"username\": \"con espacio\"}")]
    [InlineData("POST", "users", "{\"username\": \"nulo\\u0000\"}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"enabled\": \"yes\"}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"email\": \"no-es-correo\"}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"attributes\": {\"municipality\": \"alto-vera\"}}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"attributes\": {\"municipality\": [\"Alto Verá\"]}}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"attributes\": {\"municipality\": [\"pilar\", \"alberdi\"]}}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"attributes\": [1]}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"attributes\": {\"municipalities\": [\"pilar\", \"Alto Verá\"]}}")]
    [InlineData("POST", "users", "{\"username\": \"ok.user\", \"attributes\": {\"municipalities\": \"pilar\"}}")]
    [InlineData("PUT", "users/{analyst}", "{\"firstName\": ")]
    [InlineData("PUT", "users/{analyst}", "{\"username\": \"otro.nombre\"}")]
    [InlineData("PUT", "users/{analyst}", "\"texto\"")]
    [InlineData("POST", "users/{analyst}/role-mappings/realm", "{\"name\": \"focal-point\"}")]
    [InlineData("POST", "users/{analyst}/role-mappings/realm", "[{\"name\": 1}]")]
    [InlineData("POST", "users/{analyst}/role-mappings/realm", "[1")]
    [InlineData("DELETE", "users/{analyst}/role-mappings/realm", "")]
    [InlineData("GET", "users?max=-1", null)]
    [InlineData("GET", "users?first=uno", null)]
    [InlineData("GET", "users?search=%00", null)]
    public async Task Bad_input_is_400_with_a_Spanish_message_never_500(string method, string path, string? body)
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var analystId = await admin.FindUserIdAsync("analyst");

        using var response = await admin.SendAsync(new HttpMethod(method), path.Replace("{analyst}", analystId), rawJson: body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.False(string.IsNullOrEmpty(ErrorMessage(text)));
        Assert.Null(await admin.FindUserIdAsync("ok.user"));
        Assert.Equal("analyst", (await admin.GetJsonAsync($"users/{analystId}")).GetProperty("username").GetString());
    }

    [Fact]
    public async Task A_created_user_is_found_by_user_name_and_can_sign_in()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var id = await admin.CreateUserAsync(new
        {
            username = "Maria.Benitez",
            enabled = true,
            firstName = "María",
            lastName = "Benítez",
            email = "Maria.Benitez@Example.org",
            attributes = new Dictionary<string, string[]> { ["institution"] = ["mspbs"], ["color"] = ["azul"] },
        });

        var found = await admin.GetJsonAsync("users?username=MARIA.BENITEZ&exact=true");
        var user = Assert.Single(found.EnumerateArray());
        Assert.Equal(id, user.GetProperty("id").GetString());
        Assert.Equal("maria.benitez", user.GetProperty("username").GetString());
        Assert.Equal("María", user.GetProperty("firstName").GetString());
        Assert.Equal("maria.benitez@example.org", user.GetProperty("email").GetString());
        Assert.True(user.GetProperty("enabled").GetBoolean());
        Assert.Equal(["mspbs"], user.GetProperty("attributes").GetProperty("institution").EnumerateArray().Select(v => v.GetString()));
        Assert.False(user.GetProperty("attributes").TryGetProperty("color", out _)); // not in the realm's user profile
        Assert.Equal(0, (await admin.GetJsonAsync("users?username=maria.ben&exact=true")).GetArrayLength());
        Assert.Equal(1, (await admin.GetJsonAsync("users?username=maria.ben")).GetArrayLength());
        Assert.Equal(1, (await admin.GetJsonAsync("users?search=Beníte")).GetArrayLength());
        Assert.Empty(RoleNames(await admin.GetJsonAsync($"users/{id}/role-mappings/realm")));

        var tokens = await Protocol.PasswordAsync(client, "maria.benitez");
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var payload = Protocol.Payload(tokens.AccessToken);
        Assert.Equal(id, payload.GetProperty("sub").GetString());
        Assert.Equal("María Benítez", payload.GetProperty("name").GetString());
        Assert.Equal("mspbs", payload.GetProperty("institution").GetString());
        Assert.False(payload.TryGetProperty("realm_access", out _));
    }

    [Fact]
    public async Task A_user_created_without_enabled_is_disabled_as_in_Keycloak_and_cannot_sign_in()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var id = await admin.CreateUserAsync(new { username = "sin.habilitar" });

        Assert.False((await admin.GetJsonAsync($"users/{id}")).GetProperty("enabled").GetBoolean());
        Assert.Equal("invalid_grant", (await Protocol.PasswordAsync(client, "sin.habilitar")).Error);
        await admin.ExpectNoContentAsync(HttpMethod.Put, $"users/{id}", new { enabled = true });
        Assert.Equal(HttpStatusCode.OK, (await Protocol.PasswordAsync(client, "sin.habilitar")).Status);
    }

    [Fact]
    public async Task Appointing_and_revoking_a_focal_point_shows_in_the_next_token_on_refresh_and_in_userinfo()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        // Appointment, as Membership does it: find by user name, create if missing, set the municipality, map the role.
        var id = await admin.FindUserIdAsync("nuevo.punto.focal")
                 ?? await admin.CreateUserAsync(new { username = "nuevo.punto.focal", enabled = true, firstName = "Ana", lastName = "Gómez" });
        var before = Protocol.Payload((await Protocol.PasswordAsync(client, "nuevo.punto.focal")).AccessToken);
        Assert.False(before.TryGetProperty("realm_access", out _));

        await admin.SetAttributesAsync(id, new { municipality = new[] { "villa-oliva" } });
        await admin.GrantRealmRoleAsync(id, "focal-point");
        await admin.GrantRealmRoleAsync(id, "focal-point"); // granting twice changes nothing

        var appointed = await Protocol.PasswordAsync(client, "nuevo.punto.focal");
        var payload = Protocol.Payload(appointed.AccessToken);
        Assert.Equal(["focal-point"], RoleNames(payload.GetProperty("realm_access").GetProperty("roles")));
        Assert.Equal("villa-oliva", payload.GetProperty("municipality").GetString());
        Assert.Equal(["focal-point"], RoleNames(await admin.GetJsonAsync($"users/{id}/role-mappings/realm")));

        // Revocation: remove the role, and the attribute since it still holds that municipality.
        await admin.RevokeRealmRoleAsync(id, "focal-point");
        await admin.SetAttributesAsync(id, new { });

        var next = Protocol.Payload((await Protocol.PasswordAsync(client, "nuevo.punto.focal")).AccessToken);
        Assert.False(next.TryGetProperty("realm_access", out _));
        Assert.False(next.TryGetProperty("municipality", out _));
        Assert.Empty(RoleNames(await admin.GetJsonAsync($"users/{id}/role-mappings/realm")));

        var refreshed = await Protocol.PostTokenAsync(client, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "boards-cli",
            ["refresh_token"] = appointed.Field("refresh_token"),
        });
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        var refreshedPayload = Protocol.Payload(refreshed.AccessToken);
        Assert.False(refreshedPayload.TryGetProperty("realm_access", out _));
        Assert.False(refreshedPayload.TryGetProperty("municipality", out _));
        Assert.Equal(id, refreshedPayload.GetProperty("sub").GetString());

        // The old access token stays valid until it expires (the documented caveat), but userinfo reads the account now.
        Assert.True((await Protocol.ValidateAsync(client, appointed.AccessToken)).IsValid);
        var userInfo = await UserInfoAsync(client, appointed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, userInfo.Status);
        Assert.False(userInfo.Json.TryGetProperty("realm_access", out _));
        Assert.False(userInfo.Json.TryGetProperty("municipality", out _));
    }

    [Fact]
    public async Task A_partial_update_changes_only_what_was_sent()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var id = await admin.CreateUserAsync(new
        {
            username = "parcial",
            enabled = true,
            firstName = "Pedro",
            email = "pedro@example.org",
            attributes = new Dictionary<string, string[]> { ["municipality"] = ["pilar"], ["institution"] = ["mec"] },
        });

        await admin.ExpectNoContentAsync(HttpMethod.Put, $"users/{id}", new { lastName = "Ortiz", username = "PARCIAL" });
        var afterName = await admin.GetJsonAsync($"users/{id}");
        Assert.Equal("Pedro", afterName.GetProperty("firstName").GetString());
        Assert.Equal("Ortiz", afterName.GetProperty("lastName").GetString());
        Assert.Equal("pedro@example.org", afterName.GetProperty("email").GetString());
        Assert.Equal("pilar", afterName.GetProperty("attributes").GetProperty("municipality")[0].GetString());

        // Attributes, when sent, replace the whole map.
        await admin.SetAttributesAsync(id, new { institution = new[] { "mds" } });
        var attributes = (await admin.GetJsonAsync($"users/{id}")).GetProperty("attributes");
        Assert.False(attributes.TryGetProperty("municipality", out _));
        Assert.Equal("mds", attributes.GetProperty("institution")[0].GetString());
    }

    [Fact]
    public async Task A_disabled_user_can_neither_sign_in_nor_refresh()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var id = await admin.CreateUserAsync(new { username = "sera.deshabilitado", enabled = true });
        var tokens = await Protocol.PasswordAsync(client, "sera.deshabilitado");

        await admin.ExpectNoContentAsync(HttpMethod.Put, $"users/{id}", new { enabled = false });

        Assert.Equal("invalid_grant", (await Protocol.PasswordAsync(client, "sera.deshabilitado")).Error);
        var refreshed = await Protocol.PostTokenAsync(client, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "boards-cli",
            ["refresh_token"] = tokens.Field("refresh_token"),
        });
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserInfoAsync(client, tokens.AccessToken)).Status);
    }

    [Fact]
    public async Task Search_pages_in_user_name_order()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var all = Names(await admin.GetJsonAsync("users?search=focal.&max=1000"));
        var page = Names(await admin.GetJsonAsync("users?search=focal.&first=2&max=3"));

        Assert.True(all.Count >= 18, string.Join(", ", all));
        Assert.All(all, name => Assert.StartsWith("focal.", name));
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(all.Skip(2).Take(3), page);
        Assert.Contains("officer.mspbs", Names(await admin.GetJsonAsync("users?search=*mspbs")));
    }

    [Fact]
    public async Task Demo_accounts_keep_their_stable_subjects()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var id = await admin.FindUserIdAsync("focal.alto-vera");

        Assert.Equal(StableSubject.For("user:focal.alto-vera"), id);
        var payload = Protocol.Payload((await Protocol.PasswordAsync(client, "FOCAL.ALTO-VERA")).AccessToken);
        Assert.Equal(id, payload.GetProperty("sub").GetString());
    }

    private static async Task<TokenResponse> UserInfoAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Protocol.UserInfoPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, JsonDocument.Parse(body.Length > 0 ? body : "{}").RootElement.Clone(), body);
    }

    private static List<string?> RoleNames(JsonElement roles) =>
        [.. roles.EnumerateArray().Select(role => role.ValueKind == JsonValueKind.String ? role.GetString() : role.GetProperty("name").GetString())];

    private static List<string> Names(JsonElement users) =>
        [.. users.EnumerateArray().Select(user => user.GetProperty("username").GetString()!)];

    private static string? ErrorMessage(string body) =>
        JsonDocument.Parse(body).RootElement.TryGetProperty("errorMessage", out var message) ? message.GetString() : null;
}
