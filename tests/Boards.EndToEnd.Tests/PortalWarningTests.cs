using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The ministry's early warnings in a real browser: a board whose last session was 70 days ago raises "Mesa sin
/// sesionar" in Monitoring's sweep; the analyst, already looking at the warnings page, sees it appear without a
/// reload, must write a note to mark it seen, and then finds it under "Vista" with the note. The municipality's focal
/// point sees the same warning without the form. Itakyry is used by no other end-to-end test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalWarningTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "itakyry";

    [Fact]
    public async Task Portal_an_analyst_sees_a_new_early_warning_live_and_marks_it_seen_with_a_note()
    {
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "analyst", $"/ministerio/alertas?municipio={Municipality}");
        await page.WaitForSelectorAsync("[data-testid=warnings-empty]");
        await page.WaitForFunctionAsync("() => document.getElementById('live-status')?.dataset.state === 'on'", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });

        await RecordOldSessionAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-70)));

        var warning = page.Locator("[data-rule=no_recent_session]");
        await warning.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Contains("Mesa sin sesionar", await warning.InnerTextAsync());
        Assert.Contains("Activa", await warning.InnerTextAsync());
        await PortalBrowser.ScreenshotAsync(page, "22-early-warnings");

        // A note is required: the API's Spanish message appears next to the field.
        await warning.Locator("button[type=submit]").ClickAsync();
        var error = page.Locator(".field-error[data-field='note']");
        await error.WaitForAsync();
        Assert.False(string.IsNullOrWhiteSpace(await error.InnerTextAsync()));

        await page.Locator("[data-rule=no_recent_session] textarea").FillAsync("Se coordinó con la intendencia una sesión para la próxima semana.");
        await page.Locator("[data-rule=no_recent_session] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=acknowledged]");

        await page.GotoAsync(Boards.PortalUrl + $"/ministerio/alertas?estado=acknowledged&municipio={Municipality}");
        var seen = page.Locator("[data-rule=no_recent_session]");
        await seen.WaitForAsync();
        Assert.Contains("Vista", await seen.InnerTextAsync());
        Assert.Contains("Se coordinó con la intendencia", await seen.Locator("[data-testid=acknowledgement]").InnerTextAsync());

        // The focal point sees their own warning, read only.
        var focal = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(focal, Boards.PortalUrl, $"focal.{Municipality}", "/ministerio/alertas?estado=all");
        await focal.Locator("[data-rule=no_recent_session]").WaitForAsync();
        Assert.Equal(0, await focal.Locator("[data-testid=acknowledge-form]").CountAsync());
    }

    private async Task RecordOldSessionAsync(DateOnly date)
    {
        var admin = await Boards.Tokens.ForUser("admin");
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 3/2025", resolutionDate = "2025-03-10",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        foreach (var (name, sector) in new[] { ("Ana Duarte", "local_government"), ("Pedro Rolón", "national_institution") })
        {
            await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin,
                [HttpStatusCode.Created, HttpStatusCode.Conflict], GatewayCalls.Member(name, sector));
        }

        var roster = await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.OK]);
        var attendees = roster.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/boards/{Municipality}/sessions", admin, [HttpStatusCode.Created], new
        {
            date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            agenda = "Revisión del circuito de referencias",
            minutes = "Se revisan las referencias pendientes.",
            attendees,
            agreements = Array.Empty<object>(),
        });
    }
}
