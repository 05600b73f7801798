using Microsoft.Playwright;
using Npgsql;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The portal's sessions and the key ring that encrypts its cookie live in its database, and identity's key ring in
/// identity's (docs/architecture.md, "Several replicas"): a restart of the portal signs nobody out, and the browser does
/// not even go back to the identity provider. Before, the sessions were in the process's memory and a restart sent
/// everyone through sign-in again.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalRestartTests(BoardsAppFixture boards) : PortalTest(boards)
{
    [Fact]
    public async Task Portal_a_restart_keeps_the_session_and_the_key_rings_are_in_the_databases()
    {
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "focal.alberdi", "/referencias");
        Assert.True(await CountAsync("portaldb", "sessions") >= 1);

        await Boards.StopServiceAsync("portal", BoardsAppFixture.PortalPort);
        await Boards.RestartServiceAsync("portal");

        var identityProvider = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith($"http://localhost:{BoardsAppFixture.IdentityPort}/", StringComparison.Ordinal))
            {
                identityProvider.Add(request.Url);
            }
        };
        var response = await page.GotoAsync($"{Boards.PortalUrl}/referencias");
        Assert.Equal(200, response!.Status);
        Assert.StartsWith($"{Boards.PortalUrl}/referencias", page.Url, StringComparison.Ordinal);
        Assert.True(identityProvider.Count == 0, $"the browser went back to the identity provider: {string.Join(", ", identityProvider)}");
        Assert.Equal(0, await page.Locator("#username").CountAsync());

        Assert.True(await CountAsync("portaldb", "data_protection_keys") >= 1);
        Assert.True(await CountAsync("identitydb", "data_protection_keys") >= 1);
    }

    private static async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(BoardsAppFixture.AdminConnectionString(database));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from public.{table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
