using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests.Scaled;

/// <summary>
/// A person signed in on one portal replica carries on when the next request lands on the other: the session (kept in
/// portaldb) and the form's antiforgery token (made with the key ring kept there) are read by a process that did not
/// make them, and nobody is sent back to the identity provider. Villa Oliva's focal point changes only their own
/// notification preferences.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalReplicaTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Path = "/notificaciones/preferencias";

    [Fact]
    public async Task A_session_and_a_form_made_on_one_portal_replica_are_accepted_by_the_other()
    {
        var (_, otherPort) = BoardsAppFixture.ReplicasOf("portal", BoardsAppFixture.PortalPort).Last();
        var other = $"http://localhost:{otherPort}";
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            await Boards.App.ResourceNotifications.WaitForResourceHealthyAsync("portal-2", patience.Token);
        }

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "focal.villa-oliva", Path);
        var toIdentity = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith($"http://localhost:{BoardsAppFixture.IdentityPort}", StringComparison.Ordinal))
            {
                toIdentity.Add(request.Url);
            }
        };

        // A page from the other replica: the same cookie (cookies do not tell ports apart), no new sign-in.
        await page.GotoAsync(other + Path);
        Assert.StartsWith(other + Path, page.Url, StringComparison.Ordinal);
        await page.Locator("[data-testid=preferences-form]").WaitForAsync();

        // A form served by replica 1 and posted to replica 2.
        await page.GotoAsync(Boards.PortalUrl + Path);
        var digest = $"0{Random.Shared.Next(6, 9)}:{Random.Shared.Next(10, 59)}";
        await page.FillAsync("[data-testid=pref-digest-time]", digest);
        var postedToOther = 0;
        await page.RouteAsync(Boards.PortalUrl + Path + "**", async route =>
        {
            if (route.Request.Method == "POST")
            {
                postedToOther++;
                await route.ContinueAsync(new RouteContinueOptions { Url = other + route.Request.Url[Boards.PortalUrl.Length..] });
                return;
            }

            await route.ContinueAsync();
        });
        await page.ClickAsync("[data-testid=save-preferences]");
        await page.Locator("[data-testid=prefs-saved]").WaitForAsync();

        Assert.Equal(1, postedToOther);
        Assert.Equal(digest, await page.InputValueAsync("[data-testid=pref-digest-time]"));
        Assert.Empty(toIdentity);
    }
}
