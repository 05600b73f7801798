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

    [Fact]
    public void No_user_carries_credentials_and_brute_force_detection_is_on()
    {
        var realm = Realm();

        Assert.All(realm.GetProperty("users").EnumerateArray(), user => Assert.False(user.TryGetProperty("credentials", out _)));
        Assert.True(realm.GetProperty("bruteForceProtected").GetBoolean());
    }
}
