namespace Boards.Identity.Tests;

/// <summary>
/// The Keycloak client admin subset (POST/GET/DELETE /clients, client-secret, service-account-user) that Membership uses
/// to register, rotate and revoke integrator clients, and the tokens such a client gets.
/// </summary>
public sealed class ClientAdminTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    private static string[] Roles(JsonElement payload) =>
        [.. payload.GetProperty("realm_access").GetProperty("roles").EnumerateArray().Select(role => role.GetString()!)];

    private static string[] Scopes(JsonElement payload) => payload.GetProperty("scope").GetString()!.Split(' ');

    [Fact]
    public async Task A_registered_client_gets_tokens_with_role_integrator_its_institution_rate_limit_and_areas()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var registered = await RegisteredClients.RegisterAsync(admin, institution: "mec", rateLimit: 7, areas: ["boards-referrals", "boards-plans"]);
        var tokens = await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var payload = Protocol.Payload(tokens.AccessToken);
        Assert.Equal(["integrator"], Roles(payload));
        Assert.Equal("mec", payload.GetProperty("institution").GetString());
        Assert.Equal(JsonValueKind.Number, payload.GetProperty("rate_limit").ValueKind);
        Assert.Equal(7, payload.GetProperty("rate_limit").GetInt32());
        Assert.Equal(registered.ClientId, payload.GetProperty("azp").GetString());
        Assert.Equal(registered.ServiceAccountId, payload.GetProperty("sub").GetString());
        Assert.Equal($"service-account-{registered.ClientId}", payload.GetProperty("preferred_username").GetString());
        Assert.Equal(["boards-api", "boards-plans", "boards-referrals"], Scopes(payload).Order(StringComparer.Ordinal));
        Assert.True(payload.GetProperty("iat").GetInt64() > 0);
        Assert.True((await Protocol.ValidateAsync(client, tokens.AccessToken)).IsValid);
    }

    [Fact]
    public async Task The_client_reads_back_as_Keycloak_represents_it_and_is_found_by_client_id()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var registered = await RegisteredClients.RegisterAsync(admin, areas: ["boards-offer"]);

        var found = await admin.GetJsonAsync($"clients?clientId={registered.ClientId}");
        var read = await admin.GetJsonAsync($"clients/{registered.Id}");

        Assert.Equal(registered.Id, Assert.Single(found.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(registered.ClientId, read.GetProperty("clientId").GetString());
        Assert.False(read.GetProperty("publicClient").GetBoolean());
        Assert.True(read.GetProperty("serviceAccountsEnabled").GetBoolean());
        Assert.False(read.GetProperty("standardFlowEnabled").GetBoolean());
        Assert.Equal(["basic", "roles", "boards-api", "boards-offer"], read.GetProperty("defaultClientScopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(registered.Secret, read.GetProperty("secret").GetString());
        var mappers = read.GetProperty("protocolMappers").EnumerateArray().ToList();
        Assert.All(mappers, mapper => Assert.Equal("oidc-hardcoded-claim-mapper", mapper.GetProperty("protocolMapper").GetString()));
        Assert.Equal(["institution", "rate_limit"], mappers.Select(m => m.GetProperty("config").GetProperty("claim.name").GetString()));
        Assert.Equal(0, (await admin.GetJsonAsync("clients?clientId=int-prueba-nadie")).GetArrayLength());
    }

    [Fact]
    public async Task Regenerating_the_secret_refuses_the_old_one_and_the_new_one_works()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var registered = await RegisteredClients.RegisterAsync(admin);

        using var regenerated = await admin.SendAsync(HttpMethod.Post, $"clients/{registered.Id}/client-secret");
        var credential = JsonDocument.Parse(await regenerated.Content.ReadAsStringAsync()).RootElement;
        var newSecret = credential.GetProperty("value").GetString()!;

        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        Assert.Equal("secret", credential.GetProperty("type").GetString());
        Assert.NotEqual(registered.Secret, newSecret);
        Assert.Equal(32, newSecret.Length);
        Assert.Equal("invalid_client", (await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId)).Error);
        Assert.Equal(HttpStatusCode.OK, (await Protocol.ClientCredentialsAsync(client, newSecret, registered.ClientId)).Status);
        Assert.Equal(newSecret, (await admin.GetJsonAsync($"clients/{registered.Id}/client-secret")).GetProperty("value").GetString());
    }

    [Fact]
    public async Task Deleting_the_client_refuses_its_next_token_and_removes_its_service_account()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var registered = await RegisteredClients.RegisterAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId)).Status);

        using var deleted = await admin.SendAsync(HttpMethod.Delete, $"clients/{registered.Id}");
        using var again = await admin.SendAsync(HttpMethod.Delete, $"clients/{registered.Id}");
        using var read = await admin.SendAsync(HttpMethod.Get, $"clients/{registered.Id}");
        using var account = await admin.SendAsync(HttpMethod.Get, $"users/{registered.ServiceAccountId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, account.StatusCode);
        Assert.Equal("invalid_client", (await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId)).Error);
    }

    [Fact]
    public async Task A_service_account_never_signs_in_with_a_password_and_user_searches_leave_it_out()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var registered = await RegisteredClients.RegisterAsync(admin);

        var password = await Protocol.PasswordAsync(client, $"service-account-{registered.ClientId}");
        var search = await admin.GetJsonAsync($"users?username=service-account-{registered.ClientId}&exact=true");
        var byId = await admin.GetJsonAsync($"users/{registered.ServiceAccountId}");

        Assert.Equal("invalid_grant", password.Error);
        Assert.Equal(0, search.GetArrayLength());
        Assert.Equal($"service-account-{registered.ClientId}", byId.GetProperty("username").GetString());
    }

    [Fact]
    public async Task Only_manage_clients_registers_deletes_or_reads_a_secret_and_view_is_needed_to_read()
    {
        using var client = identity.CreateClient();
        var membership = await AdminApiClient.ForMembershipAsync(client);
        var registered = await RegisteredClients.RegisterAsync(membership);
        var notifications = await AdminApiClient.ForNotificationsAsync(client);
        var integrator = new AdminApiClient(client, (await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId)).AccessToken);
        var anonymous = new AdminApiClient(client, null);
        var body = RegisteredClients.Representation(RegisteredClients.NewClientId(), "mec", 5);

        foreach (var caller in new[] { notifications, integrator })
        {
            using var create = await caller.SendAsync(HttpMethod.Post, "clients", body);
            using var list = await caller.SendAsync(HttpMethod.Get, "clients");
            using var secret = await caller.SendAsync(HttpMethod.Get, $"clients/{registered.Id}/client-secret");
            using var rotate = await caller.SendAsync(HttpMethod.Post, $"clients/{registered.Id}/client-secret");
            using var delete = await caller.SendAsync(HttpMethod.Delete, $"clients/{registered.Id}");
            Assert.All([create, list, secret, rotate, delete], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        }

        using var unauthenticated = await anonymous.SendAsync(HttpMethod.Post, "clients", body);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Protocol.ClientCredentialsAsync(client, registered.Secret, registered.ClientId)).Status);
    }

    public static TheoryData<string, string> BadRepresentations => new()
    {
        { """{"clientId":"Int-Mayusculas","serviceAccountsEnabled":true}""", "clientId" },
        { """{"serviceAccountsEnabled":true}""", "clientId" },
        { $$"""{"clientId":"{{new string('a', 201)}}","serviceAccountsEnabled":true}""", "clientId" },
        { """{"clientId":"int-sin-cuenta"}""", "serviceAccountsEnabled" },
        { """{"clientId":"int-publico","serviceAccountsEnabled":true,"publicClient":true}""", "publicClient" },
        { """{"clientId":"int-navegador","serviceAccountsEnabled":true,"standardFlowEnabled":true}""", "standardFlowEnabled" },
        { """{"clientId":"int-password","serviceAccountsEnabled":true,"directAccessGrantsEnabled":true}""", "directAccessGrantsEnabled" },
        { $$"""{"clientId":"int-nombre","serviceAccountsEnabled":true,"name":"{{new string('n', 256)}}"}""", "name" },
        { """{"clientId":"int-alcance","serviceAccountsEnabled":true,"defaultClientScopes":["boards-api","boards-todo"]}""", "defaultClientScopes" },
        { """{"clientId":"int-opcional","serviceAccountsEnabled":true,"optionalClientScopes":["offline_access"]}""", "optionalClientScopes" },
        { """{"clientId":"int-mapper","serviceAccountsEnabled":true,"protocolMappers":[{"name":"x","protocolMapper":"oidc-usermodel-attribute-mapper","config":{"claim.name":"x","claim.value":"y"}}]}""", "protocolMappers" },
        { """{"clientId":"int-roles","serviceAccountsEnabled":true,"protocolMappers":[{"name":"r","protocolMapper":"oidc-hardcoded-claim-mapper","config":{"claim.name":"realm_access","claim.value":"{}"}}]}""", "protocolMappers" },
        { """{"clientId":"int-numero","serviceAccountsEnabled":true,"protocolMappers":[{"name":"r","protocolMapper":"oidc-hardcoded-claim-mapper","config":{"claim.name":"rate_limit","claim.value":"mucho","jsonType.label":"int"}}]}""", "protocolMappers" },
        { """{"clientId":"int-tipo","serviceAccountsEnabled":true,"secret":5}""", "secret" },
    };

    [Theory]
    [MemberData(nameof(BadRepresentations))]
    public async Task A_client_outside_the_supported_subset_is_400_naming_the_field_and_nothing_is_registered(string json, string field)
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var before = (await admin.GetJsonAsync("clients")).GetArrayLength();

        using var response = await admin.SendAsync(HttpMethod.Post, "clients", rawJson: json);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("errorMessage").GetString()));
        Assert.Equal(before, (await admin.GetJsonAsync("clients")).GetArrayLength());
    }

    [Theory]
    [InlineData("{nope")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_bodies_are_400_never_500(string json)
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        using var response = await admin.SendAsync(HttpMethod.Post, "clients", rawJson: json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_taken_or_configured_client_id_is_409()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var registered = await RegisteredClients.RegisterAsync(admin);

        using var taken = await admin.SendAsync(HttpMethod.Post, "clients", RegisteredClients.Representation(registered.ClientId, "mec", 5));
        using var configured = await admin.SendAsync(HttpMethod.Post, "clients", RegisteredClients.Representation("boards-membership", "mec", 5));

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, configured.StatusCode);
    }

    [Fact]
    public async Task Configured_clients_are_read_but_never_changed_through_the_admin_API()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var demo = Assert.Single((await admin.GetJsonAsync("clients?clientId=integrator-demo")).EnumerateArray());
        var id = demo.GetProperty("id").GetString();
        using var delete = await admin.SendAsync(HttpMethod.Delete, $"clients/{id}");
        using var rotate = await admin.SendAsync(HttpMethod.Post, $"clients/{id}/client-secret");

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Protocol.ClientCredentialsAsync(client)).Status);
    }

    [Fact]
    public async Task Integrator_demo_has_every_API_area_in_its_token()
    {
        using var client = identity.CreateClient();

        var payload = Protocol.Payload((await Protocol.ClientCredentialsAsync(client)).AccessToken);

        Assert.Equal(RegisteredClients.AllAreas.Append("boards-api").Order(StringComparer.Ordinal), Scopes(payload).Order(StringComparer.Ordinal));
        Assert.False(payload.TryGetProperty("rate_limit", out _));
    }
}
