using System.Globalization;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The board and PAT pages in a real browser against the whole system: a board with members and a session recorded
/// through the API, seen by its focal point under "Mi mesa" with the representativity meter and its gaps in words; a
/// focal point of another municipality gets the Spanish 403 page; a plan built through the API shows on /pat with its
/// progress. Yrybucuá is used by no other end-to-end test (Capiibary's focal point only reads).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalBoardTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "yrybucua";
    private const string OtherMunicipality = "capiibary";

    [Fact]
    public async Task Portal_a_focal_point_opens_my_board_and_sees_members_session_and_representativity_and_another_gets_403()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        await ExpectAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 14/2025", resolutionDate = "2025-05-02",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        foreach (var (name, sector) in new[] { ("Marta Benítez", "local_government"), ("Julio Ortiz", "national_institution"), ("Comisión vecinal San Roque", "community_organization") })
        {
            await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], GatewayCalls.Member(name, sector));
        }

        var roster = await ExpectAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.OK]);
        var attendees = roster.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        var marta = roster.EnumerateArray().First(m => m.GetProperty("personName").GetString() == "Marta Benítez").GetProperty("id").GetString();
        await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/focal-point", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict],
            new { memberId = marta, startsOn = "2026-01-10" });
        await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/sessions", admin, [HttpStatusCode.Created], new
        {
            date = "2026-02-12", agenda = "Priorización de necesidades de Yrybucuá", minutes = "Se acuerda un operativo de documentación.",
            attendees,
            agreements = new[] { new { what = "Operativo de cedulación en la compañía San Roque", responsibleInstitution = "mds", dueOn = "2026-07-31" } },
        });

        var page = await Browser.NewPageAsync(phone: true);
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}");
        await page.ClickAsync("[data-testid=nav-board]");
        await page.WaitForURLAsync(url => url.EndsWith($"/mesa/{Municipality}", StringComparison.Ordinal));
        var rosterTable = page.Locator("table[data-testid=roster]");
        await rosterTable.WaitForAsync();
        var rosterText = await rosterTable.InnerTextAsync();
        Assert.Contains("Marta Benítez", rosterText);
        Assert.Contains("Gobierno municipal", rosterText);
        Assert.Contains("Marta Benítez", await page.InnerTextAsync("[data-testid=current-focal-point]"));
        var session = page.Locator("[data-testid=sessions] li.session").First;
        Assert.Contains("Operativo de cedulación", await session.InnerTextAsync());
        Assert.Contains("Con quórum", await session.Locator("[data-testid=quorum]").InnerTextAsync());

        // The roster assessment as a meter with its value, and at least one gap in words.
        var meter = page.Locator("meter[data-testid=meter-roster]");
        await meter.WaitForAsync();
        var score = double.Parse((await meter.GetAttributeAsync("value"))!, CultureInfo.InvariantCulture);
        Assert.InRange(score, 0, 100);
        Assert.NotNull(await meter.GetAttributeAsync("aria-labelledby"));
        var gaps = page.Locator("[data-testid=gaps-roster] li");
        Assert.True(await gaps.CountAsync() > 0, "a three-member board should have a representativity gap");
        Assert.False(string.IsNullOrWhiteSpace(await gaps.First.InnerTextAsync()));
        Assert.Equal(0, await page.Locator("[data-testid=service-down]").CountAsync());
        await PortalBrowser.ScreenshotAsync(page, "13-board");

        // Another municipality's focal point: the Spanish 403 page.
        var other = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(other, Boards.PortalUrl, $"focal.{OtherMunicipality}");
        var response = await other.GotoAsync($"{Boards.PortalUrl}/mesa/{Municipality}");
        Assert.Equal(403, response!.Status);
        Assert.Contains("No tiene permiso", await other.InnerTextAsync("[data-testid=not-allowed]"));
        Assert.Equal(0, await other.Locator("table[data-testid=roster]").CountAsync());
        response = await other.GotoAsync($"{Boards.PortalUrl}/pat/{Municipality}");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task Portal_the_focal_point_sees_the_years_plan_with_its_progress_on_the_pat_page()
    {
        var focal = await Boards.Tokens.ForUser($"focal.{Municipality}");
        var year = DateTime.UtcNow.Year;
        var created = await SendAsync(HttpMethod.Post, "/api/plans", focal, new { municipalityCode = Municipality, year });
        Assert.True(created.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, created.Text);
        var list = await ExpectAsync(HttpMethod.Get, $"/api/plans?municipality={Municipality}&year={year}", focal, [HttpStatusCode.OK]);
        var planPath = $"/api/plans/{list[0].GetProperty("id").GetGuid()}";
        var plan = await ExpectAsync(HttpMethod.Get, planPath, focal, [HttpStatusCode.OK]);
        if (plan.GetProperty("objectives").GetArrayLength() == 0)
        {
            var withObjective = await ExpectAsync(HttpMethod.Post, $"{planPath}/objectives", focal, [HttpStatusCode.Created],
                new { title = "Documentar a las familias de las compañías", weight = 1 });
            var objectiveId = withObjective.GetProperty("objectives")[0].GetProperty("id").GetGuid();
            var action = await ExpectAsync(HttpMethod.Post, $"{planPath}/actions", focal, [HttpStatusCode.Created], new
            {
                objectiveId, title = "Operativo de cedulación en San Roque", horizon = "short_term", responsibleInstitution = "mds",
                startsOn = $"{year}-03-01", endsOn = $"{year}-12-31", budget = 3_500_000,
            });
            await ExpectAsync(HttpMethod.Post, $"{planPath}/actions/{action.GetProperty("id").GetGuid()}/progress", focal, [HttpStatusCode.OK],
                new { expectedVersion = action.GetProperty("version").GetInt64(), status = "in_progress" });
        }

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}");
        await page.ClickAsync("[data-testid=nav-plan]");
        await page.WaitForURLAsync(url => url.EndsWith($"/pat/{Municipality}", StringComparison.Ordinal));
        var progress = page.Locator("meter[data-testid=plan-progress]");
        await progress.WaitForAsync();
        Assert.Equal(50.0, double.Parse((await progress.GetAttributeAsync("value"))!, CultureInfo.InvariantCulture));
        Assert.Contains("Operativo de cedulación en San Roque", await page.InnerTextAsync("table[data-testid=actions]"));
        Assert.Contains("50 %", await page.InnerTextAsync("[data-testid=action-progress]"));
        Assert.Matches(@"Gs\. 3\D500\D000", await page.InnerTextAsync("table[data-testid=actions]"));
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("[data-testid=rollup-rule]")));
        await PortalBrowser.ScreenshotAsync(page, "14-pat");

        // The CSV export through the portal, with the person's token.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=plan-csv]"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Operativo de cedulación en San Roque", csv);
        var print = await page.Context.APIRequest.GetAsync(Boards.PortalUrl + await page.GetAttributeAsync("[data-testid=plan-print]", "href"));
        Assert.Equal(200, print.Status);
        Assert.Contains("Operativo de cedulación en San Roque", await print.TextAsync());
    }

    private Task<JsonElement> ExpectAsync(HttpMethod method, string path, string token, HttpStatusCode[] expected, object? body = null) =>
        Boards.Http.ExpectJsonAsync(method, path, token, expected, body);

    private Task<GatewayReply> SendAsync(HttpMethod method, string path, string token, object? body = null) =>
        Boards.Http.SendJsonAsync(method, path, token, body);
}
