namespace Boards.Identity.Tests;

/// <summary>
/// Keycloak's <c>GET /admin/realms/boards/roles/{role}/users</c>, read by Notifications with its read-only service account
/// (boards-notifications) to find whom to notify: the role's holders with their e-mail and, unless brief, attributes.
/// </summary>
public sealed class RoleUsersTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    private static readonly string[] Municipalities = [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Seed", "municipalities.csv"))
        .Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')[0])];

    [Fact]
    public async Task The_notifications_client_gets_read_only_realm_management_roles_and_no_realm_role()
    {
        using var client = identity.CreateClient();

        var tokens = await Protocol.ClientCredentialsAsync(client, AdminApiClient.NotificationsSecret, AdminApiClient.NotificationsClient);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var payload = Protocol.Payload(tokens.AccessToken);
        Assert.Equal("service-account-boards-notifications", payload.GetProperty("preferred_username").GetString());
        Assert.Equal("boards-notifications", payload.GetProperty("azp").GetString());
        var roles = payload.GetProperty("resource_access").GetProperty("realm-management").GetProperty("roles")
            .EnumerateArray().Select(role => role.GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["query-users", "view-realm", "view-users"], roles);
        Assert.False(payload.TryGetProperty("realm_access", out _));
        Assert.True((await Protocol.ValidateAsync(client, tokens.AccessToken)).IsValid);
    }

    [Fact]
    public async Task A_roles_holders_come_in_user_name_order_with_email_and_attributes()
    {
        using var client = identity.CreateClient();
        var notifications = await AdminApiClient.ForNotificationsAsync(client);

        var focalPoints = await notifications.GetJsonAsync("roles/focal-point/users?briefRepresentation=false&max=1000");

        var names = Names(focalPoints);
        Assert.Equal(Municipalities.Select(code => $"focal.{code}").Order(StringComparer.Ordinal), names);
        Assert.All(focalPoints.EnumerateArray(), user =>
        {
            var userName = user.GetProperty("username").GetString()!;
            Assert.Equal($"{userName}@demo.boards.test", user.GetProperty("email").GetString());
            Assert.Equal([userName["focal.".Length..]], Values(user.GetProperty("attributes"), "municipality"));
            Assert.True(user.GetProperty("enabled").GetBoolean());
            Assert.True(Guid.TryParse(user.GetProperty("id").GetString(), out _));
        });

        var officers = await notifications.GetJsonAsync("roles/institution-officer/users?briefRepresentation=false");
        var mspbs = Assert.Single(officers.EnumerateArray(), user => user.GetProperty("username").GetString() == "officer.mspbs");
        Assert.Equal("officer.mspbs@demo.boards.test", mspbs.GetProperty("email").GetString());
        Assert.Equal(["mspbs"], Values(mspbs.GetProperty("attributes"), "institution"));
        Assert.Equal(Municipalities.Order(StringComparer.Ordinal), Values(mspbs.GetProperty("attributes"), "municipalities").Order(StringComparer.Ordinal));
        Assert.Equal(["analyst"], Names(await notifications.GetJsonAsync("roles/ministry-analyst/users")));
    }

    [Fact]
    public async Task Without_briefRepresentation_the_answer_is_full_as_in_Keycloak_and_brief_leaves_out_the_attributes()
    {
        using var client = identity.CreateClient();
        var notifications = await AdminApiClient.ForNotificationsAsync(client);

        var byDefault = await notifications.GetJsonAsync("roles/focal-point/users");
        var full = await notifications.GetJsonAsync("roles/focal-point/users?briefRepresentation=false");
        var brief = await notifications.GetJsonAsync("roles/focal-point/users?briefRepresentation=true");

        Assert.Equal(full.GetRawText(), byDefault.GetRawText());
        Assert.Equal(Names(full), Names(brief));
        Assert.All(full.EnumerateArray(), user => Assert.True(user.TryGetProperty("attributes", out _)));
        Assert.All(brief.EnumerateArray(), user =>
        {
            Assert.False(user.TryGetProperty("attributes", out _));
            var userName = user.GetProperty("username").GetString();
            Assert.Equal($"{userName}@demo.boards.test", user.GetProperty("email").GetString());
            Assert.StartsWith("Punto focal de ", user.GetProperty("firstName").GetString());
            Assert.True(user.GetProperty("enabled").GetBoolean());
            Assert.True(user.GetProperty("createdTimestamp").GetInt64() > 0);
            Assert.True(Guid.TryParse(user.GetProperty("id").GetString(), out _));
        });
    }

    [Fact]
    public async Task Pages_follow_user_name_order()
    {
        using var client = identity.CreateClient();
        var notifications = await AdminApiClient.ForNotificationsAsync(client);

        var all = Names(await notifications.GetJsonAsync("roles/focal-point/users?max=1000"));
        var page = Names(await notifications.GetJsonAsync("roles/focal-point/users?first=2&max=3&briefRepresentation=true"));
        var defaultPage = Names(await notifications.GetJsonAsync("roles/focal-point/users?first=1"));

        Assert.Equal(Municipalities.Length, all.Count);
        Assert.Equal(all.Skip(2).Take(3), page);
        Assert.Equal(all.Skip(1), defaultPage);
        Assert.Empty(Names(await notifications.GetJsonAsync("roles/focal-point/users?first=1000")));
        Assert.Empty(Names(await notifications.GetJsonAsync("roles/focal-point/users?max=0")));
    }

    [Fact]
    public async Task Granting_and_revoking_a_role_shows_in_its_list_and_disabled_holders_are_listed_too()
    {
        using var client = identity.CreateClient();
        var membership = await AdminApiClient.ForMembershipAsync(client);
        var notifications = await AdminApiClient.ForNotificationsAsync(client);
        // No demo person holds integrator, so this list is this test's alone.
        var id = await membership.CreateUserAsync(new { username = "persona.integradora", enabled = false, email = "integra@example.org" });
        Assert.Empty(Names(await notifications.GetJsonAsync("roles/integrator/users")));

        await membership.GrantRealmRoleAsync(id, "integrator");
        var holder = Assert.Single((await notifications.GetJsonAsync("roles/integrator/users")).EnumerateArray());
        Assert.Equal(id, holder.GetProperty("id").GetString());
        Assert.Equal("integra@example.org", holder.GetProperty("email").GetString());
        Assert.False(holder.GetProperty("enabled").GetBoolean()); // as in Keycloak: the caller decides what to do with it

        await membership.RevokeRealmRoleAsync(id, "integrator");
        Assert.Empty(Names(await notifications.GetJsonAsync("roles/integrator/users")));
    }

    [Theory]
    [InlineData("roles/superuser/users")]
    [InlineData("roles/Focal-Point/users")]
    [InlineData("roles/superuser/users?briefRepresentation=true&first=0&max=10")]
    public async Task An_unknown_role_is_404(string path)
    {
        using var client = identity.CreateClient();
        var notifications = await AdminApiClient.ForNotificationsAsync(client);

        using var response = await notifications.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Rol no encontrado.", ErrorMessage(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Without_a_valid_token_it_is_401_and_without_the_realm_management_roles_403()
    {
        using var client = identity.CreateClient();
        var integrator = new AdminApiClient(client, (await Protocol.ClientCredentialsAsync(client)).AccessToken);
        var person = new AdminApiClient(client, (await Protocol.PasswordAsync(client, "admin")).AccessToken);

        using var anonymous = await new AdminApiClient(client, null).SendAsync(HttpMethod.Get, "roles/focal-point/users");
        using var garbage = await new AdminApiClient(client, "not-a-token").SendAsync(HttpMethod.Get, "roles/focal-point/users");
        using var byIntegrator = await integrator.SendAsync(HttpMethod.Get, "roles/focal-point/users");
        using var byPerson = await person.SendAsync(HttpMethod.Get, "roles/focal-point/users");
        using var unknownRoleByIntegrator = await integrator.SendAsync(HttpMethod.Get, "roles/superuser/users");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byIntegrator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPerson.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknownRoleByIntegrator.StatusCode); // the role's existence is not revealed
        Assert.Contains("realm-management", ErrorMessage(await byIntegrator.Content.ReadAsStringAsync()));
        Assert.Equal(Municipalities.Length, (await (await AdminApiClient.ForMembershipAsync(client)).GetJsonAsync("roles/focal-point/users")).GetArrayLength());
    }

    [Theory]
    [InlineData("first=-1", null)]
    [InlineData("max=-1", null)]
    [InlineData("first=uno", null)]
    [InlineData("max=1.5", null)]
    [InlineData("max=%00", null)]
    [InlineData("briefRepresentation=yes", "briefRepresentation")]
    [InlineData("briefRepresentation=1", "briefRepresentation")]
    public async Task Bad_paging_or_briefRepresentation_is_400_with_a_Spanish_message(string query, string? field)
    {
        using var client = identity.CreateClient();
        var notifications = await AdminApiClient.ForNotificationsAsync(client);

        using var response = await notifications.SendAsync(HttpMethod.Get, $"roles/focal-point/users?{query}");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.False(string.IsNullOrEmpty(ErrorMessage(body)));
        if (field is not null)
        {
            Assert.Equal(field, JsonDocument.Parse(body).RootElement.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task The_notifications_client_reads_users_but_cannot_create_or_change_them()
    {
        using var client = identity.CreateClient();
        var notifications = await AdminApiClient.ForNotificationsAsync(client);
        var membership = await AdminApiClient.ForMembershipAsync(client);
        var analystId = (await notifications.FindUserIdAsync("analyst"))!;
        var focalPoint = await notifications.GetJsonAsync("roles/focal-point");

        Assert.Equal("analyst", (await notifications.GetJsonAsync($"users/{analystId}")).GetProperty("username").GetString());
        Assert.Equal(1, (await notifications.GetJsonAsync($"users/{analystId}/role-mappings/realm")).GetArrayLength());
        using var create = await notifications.SendAsync(HttpMethod.Post, "users", new { username = "creada.por.avisos", enabled = true });
        using var update = await notifications.SendAsync(HttpMethod.Put, $"users/{analystId}", new { email = "otra@example.org" });
        using var grant = await notifications.SendAsync(HttpMethod.Post, $"users/{analystId}/role-mappings/realm", new[] { focalPoint });
        using var revoke = await notifications.SendAsync(HttpMethod.Delete, $"users/{analystId}/role-mappings/realm",
            new[] { await notifications.GetJsonAsync("roles/ministry-analyst") });

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Contains("manage-users", ErrorMessage(await create.Content.ReadAsStringAsync()));
        Assert.Null(await membership.FindUserIdAsync("creada.por.avisos"));
        var analyst = await membership.GetJsonAsync($"users/{analystId}");
        Assert.Equal("analyst@demo.boards.test", analyst.GetProperty("email").GetString());
        Assert.Equal(["ministry-analyst"], (await membership.GetJsonAsync($"users/{analystId}/role-mappings/realm"))
            .EnumerateArray().Select(role => role.GetProperty("name").GetString()));
    }

    private static List<string> Names(JsonElement users) =>
        [.. users.EnumerateArray().Select(user => user.GetProperty("username").GetString()!)];

    private static List<string?> Values(JsonElement attributes, string name) =>
        [.. attributes.GetProperty(name).EnumerateArray().Select(value => value.GetString())];

    private static string? ErrorMessage(string body) =>
        JsonDocument.Parse(body).RootElement.TryGetProperty("errorMessage", out var message) ? message.GetString() : null;
}
