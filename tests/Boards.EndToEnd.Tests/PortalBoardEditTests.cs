using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// "Mi mesa", writable: a focal point records the creating act and the chair and keeps the roster from the portal only. An empty form comes back with Membership's
/// Spanish errors next to the fields and nothing written; a complete one adds the member; ending a membership moves it
/// to the history with its date and reason. General Higinio Morínigo's board is used by no other board test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalBoardEditTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "general-higinio-morinigo";

    [Fact]
    public async Task Portal_a_focal_point_records_the_act_adds_a_member_and_ends_a_membership_from_my_board()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 21/2025", resolutionDate = "2025-06-10",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        var name = "Rosa Giménez " + Guid.NewGuid().ToString("N")[..6];

        var page = await Browser.NewPageAsync(phone: true);
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/mesa/{Municipality}");
        await page.Locator("[data-testid=add-member]").WaitForAsync();

        // The creating act and the chair: a blank number is refused next to its field; then the new chair shows.
        var chair = "Delegada " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#act-number", "");
        await page.ClickAsync("[data-testid=do-board-act]");
        await page.Locator("p.field-error[data-field=resolutionNumber]").WaitForAsync();
        Assert.Contains("Revise los campos marcados", await page.InnerTextAsync("[data-testid=act-error]"));
        await page.FillAsync("#act-number", "Res. 21/2025");
        await page.FillAsync("#act-chair", chair);
        await page.SelectOptionAsync("#act-role", "delegate");
        await page.ClickAsync("[data-testid=do-board-act]");
        await page.WaitForURLAsync(url => url.Contains("hecho=acta", StringComparison.Ordinal));
        Assert.Contains(chair, await page.InnerTextAsync("[data-testid=board-chair]"));
        Assert.Contains("delegación", await page.InnerTextAsync("[data-testid=board-chair]"));

        // Empty: Membership's errors next to the fields, the banner, and nothing written.
        var empty = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=do-add-member]"),
            r => r.Request.Method == "POST" && r.Url.Contains($"/mesa/{Municipality}", StringComparison.Ordinal));
        Assert.Equal(200, empty.Status);
        Assert.Contains("Revise los campos marcados", await page.InnerTextAsync("[data-testid=member-error]"));
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("p.field-error[data-field=personName]")));
        Assert.Equal("error-personName", await page.GetAttributeAsync("#member-name", "aria-describedby"));

        await page.FillAsync("#member-name", name);
        await page.FillAsync("#member-organization", "Comisión vecinal Potrero");
        await page.SelectOptionAsync("#member-sector", "community_organization");
        await page.SelectOptionAsync("#member-gender", "female");
        await page.SelectOptionAsync("#member-age", "youth");
        await page.SelectOptionAsync("#member-area", "rural");
        await page.FillAsync("#member-locality", "Potrero");
        await page.FillAsync("#member-since", "2026-02-01");
        await page.ClickAsync("[data-testid=do-add-member]");
        await page.WaitForURLAsync(url => url.Contains("hecho=miembro", StringComparison.Ordinal));
        Assert.Contains("Miembro agregado", await page.InnerTextAsync("[data-testid=done]"));
        Assert.Contains(name, await page.InnerTextAsync("table[data-testid=roster]"));
        Assert.Contains("Organización comunitaria", await page.InnerTextAsync("table[data-testid=roster]"));
        await PortalBrowser.ScreenshotAsync(page, "18-board-edit");

        // End the membership: it leaves the roster and stays in the history with its reason.
        var option = page.Locator("#end-member-id option", new PageLocatorOptions { HasTextString = name });
        await page.SelectOptionAsync("#end-member-id", (await option.GetAttributeAsync("value"))!);
        await page.FillAsync("#end-date", "2026-03-15");
        await page.FillAsync("#end-reason", "Renunció a la comisión vecinal");
        await page.ClickAsync("[data-testid=do-end-member]");
        await page.WaitForURLAsync(url => url.Contains("hecho=baja", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("table[data-testid=roster] tr", new PageLocatorOptions { HasTextString = name }).CountAsync());
        var history = await page.InnerTextAsync("table[data-testid=history]");
        Assert.Contains(name, history);
        Assert.Contains("Renunció a la comisión vecinal", history);

        var roster = await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members?includeCeased=true", admin, [HttpStatusCode.OK]);
        var member = roster.EnumerateArray().Single(m => m.GetProperty("personName").GetString() == name);
        Assert.Equal("2026-03-15", member.GetProperty("ceasedOn").GetString());
        Assert.Equal("youth", member.GetProperty("ageBand").GetString());
    }
}
