using Boards.Identity.Clients;

namespace Boards.Identity.Tests;

/// <summary>
/// The realm that production imports into Keycloak (deploy/keycloak/boards-realm.json) carries no secret that anyone
/// could read in the repository, no password grant, no password, and Keycloak's brute-force detection on.
/// </summary>
public sealed class RealmExportTests
{
    private static JsonElement Realm()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Boards.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "deploy", "keycloak", "boards-realm.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    [Fact]
    public void No_client_carries_a_secret_or_allows_the_password_grant()
    {
        foreach (var client in Realm().GetProperty("clients").EnumerateArray())
        {
            var id = client.GetProperty("clientId").GetString();
            Assert.False(client.TryGetProperty("secret", out _), $"{id} lleva un secreto en el export");
            Assert.False(client.TryGetProperty("directAccessGrantsEnabled", out var direct) && direct.GetBoolean(), $"{id} admite el password grant");
        }
    }

    [Theory]
    [InlineData("boards-membership")]
    [InlineData("boards-notifications")]
    public void A_service_account_has_the_same_realm_management_roles_as_in_the_development_provider(string clientId)
    {
        var realm = Realm();
        var expected = clientId == BoardsClients.Membership ? BoardsClients.MembershipAdminRoles : BoardsClients.NotificationsAdminRoles;

        var client = Assert.Single(realm.GetProperty("clients").EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId);
        var account = Assert.Single(realm.GetProperty("users").EnumerateArray(), u => u.GetProperty("username").GetString() == $"service-account-{clientId}");

        Assert.True(client.GetProperty("serviceAccountsEnabled").GetBoolean());
        Assert.False(client.GetProperty("publicClient").GetBoolean());
        Assert.Equal(clientId, account.GetProperty("serviceAccountClientId").GetString());
        Assert.False(account.TryGetProperty("realmRoles", out _));
        var roles = account.GetProperty("clientRoles").GetProperty("realm-management").EnumerateArray().Select(role => role.GetString());
        Assert.Equal(expected.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_notifications_service_account_cannot_change_users()
    {
        Assert.DoesNotContain("manage-users", BoardsClients.NotificationsAdminRoles);
        Assert.DoesNotContain("manage-realm", BoardsClients.NotificationsAdminRoles);
    }

    [Fact]
    public void No_user_carries_credentials_and_brute_force_detection_is_on()
    {
        var realm = Realm();

        Assert.All(realm.GetProperty("users").EnumerateArray(), user => Assert.False(user.TryGetProperty("credentials", out _)));
        Assert.True(realm.GetProperty("bruteForceProtected").GetBoolean());
    }

    [Fact]
    public void The_realm_ships_no_demonstration_client()
    {
        var realm = Realm();

        Assert.DoesNotContain(realm.GetProperty("clients").EnumerateArray(), client => client.GetProperty("clientId").GetString() == BoardsClients.IntegratorDemo);
        Assert.DoesNotContain(realm.GetProperty("users").EnumerateArray(),
            user => user.TryGetProperty("serviceAccountClientId", out var client) && client.GetString() == BoardsClients.IntegratorDemo);
    }

    [Fact]
    public void Every_API_area_is_a_client_scope_written_into_the_token_and_no_client_has_it_by_default()
    {
        var realm = Realm();
        var scopes = realm.GetProperty("clientScopes").EnumerateArray().ToDictionary(scope => scope.GetProperty("name").GetString()!);

        Assert.All(Server.BoardsScopes.Areas, area =>
        {
            Assert.True(scopes.ContainsKey(area), $"falta el alcance {area}");
            Assert.Equal("true", scopes[area].GetProperty("attributes").GetProperty("include.in.token.scope").GetString());
        });
        Assert.Equal(Server.BoardsScopes.RealmDefaults, realm.GetProperty("defaultDefaultClientScopes").EnumerateArray().Select(s => s.GetString()));
        Assert.All(realm.GetProperty("clients").EnumerateArray(), client => Assert.DoesNotContain(
            client.GetProperty("defaultClientScopes").EnumerateArray().Select(s => s.GetString()), Server.BoardsScopes.Areas.Contains));
    }
}
