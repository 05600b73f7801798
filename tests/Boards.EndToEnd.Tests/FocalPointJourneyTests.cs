using System.Globalization;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Issue 18's done-when, as one person's day: San Juan Nepomuceno's focal point, using only the portal, builds the
/// board's roster, appoints its focal point, records a session with quorum and two agreements, accepts one agreement
/// into the year's PAT, adds an action and records its progress, and approves the plan with that session. The
/// ministry's analyst then finds the plan's progress and the board's new representativity in the national table.
/// Only the board itself is registered through the API, by ministry-admin, as it is in real life. San Juan
/// Nepomuceno's board and plan are used by no other test (its referrals are, which this does not touch).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class FocalPointJourneyTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "san-juan-nepomuceno";

    private static readonly (string Name, string Organization, string Sector, string Gender, string Age, string Area)[] Roster =
    [
        ("Celsa Villalba", "Municipalidad de San Juan Nepomuceno", "local_government", "female", "adult", "urban"),
        ("Hugo Benítez", "USF San Juan Nepomuceno", "national_institution", "male", "adult", "urban"),
        ("Mirna Acosta", "Comisión vecinal Tuna", "community_organization", "female", "youth", "rural"),
    ];

    [Fact]
    public async Task A_focal_point_builds_the_board_records_a_session_and_approves_the_plan_and_the_ministry_sees_it()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 14/2025", resolutionDate = "2025-05-02",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        var tag = Guid.NewGuid().ToString("N")[..5];
        var names = Roster.Select(m => $"{m.Name} {tag}").ToArray();

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/mesa/{Municipality}");

        // The roster, one member at a time.
        for (var i = 0; i < Roster.Length; i++)
        {
            var m = Roster[i];
            await page.FillAsync("#member-name", names[i]);
            await page.FillAsync("#member-organization", m.Organization);
            await page.SelectOptionAsync("#member-sector", m.Sector);
            await page.SelectOptionAsync("#member-gender", m.Gender);
            await page.SelectOptionAsync("#member-age", m.Age);
            await page.SelectOptionAsync("#member-area", m.Area);
            await page.FillAsync("#member-locality", m.Area == "rural" ? "Compañía Tuna" : "Centro");
            await page.FillAsync("#member-since", Date(-40));
            await page.ClickAsync("[data-testid=do-add-member]");
            await page.WaitForURLAsync(url => url.Contains("hecho=miembro", StringComparison.Ordinal));
            Assert.Contains(names[i], await page.InnerTextAsync("table[data-testid=roster]"));
        }

        Assert.Contains("Representatividad según la nómina", await page.InnerTextAsync("[data-testid=score-change]"));

        // The focal point, with a new user name: the access is granted while the page is open.
        var celsa = page.Locator("#appoint-member option", new PageLocatorOptions { HasTextString = names[0] });
        await page.SelectOptionAsync("#appoint-member", (await celsa.GetAttributeAsync("value"))!);
        await page.FillAsync("#appoint-starts", Date(-30));
        await page.FillAsync("#appoint-account", $"celsa.{tag}");
        await page.ClickAsync("[data-testid=do-appoint-focal]");
        await page.WaitForURLAsync(url => url.Contains("hecho=focal", StringComparison.Ordinal));
        await page.Locator("[data-testid=focal-access][data-access=granted]").WaitForAsync(new() { Timeout = 60_000 });

        // A session with quorum (every voting member ticked) and two agreements.
        await page.ClickAsync("[data-testid=new-session]");
        await page.Locator("[data-testid=quorum-live]").WaitForAsync();
        foreach (var name in names)
        {
            await page.CheckAsync($"[data-testid=attendee][data-name='{name}']");
        }

        Assert.Contains("Con quórum: 3 de 3", await page.InnerTextAsync("[data-testid=quorum-live]"));
        var agenda = $"Plan de acción territorial {tag}";
        var documents = $"Operativo de cedulación en Tuna {tag}";
        var road = $"Arreglo del camino a la escuela de Tuna {tag}";
        await page.FillAsync("[data-testid=session-date]", Date(-1));
        await page.FillAsync("[data-testid=session-agenda]", agenda);
        await page.FillAsync("[data-testid=session-minutes]", "Se priorizan la documentación y el camino vecinal; se aprueba el PAT.");
        await AgreementAsync(page, 0, documents, "Ministerio de Desarrollo Social", 45);
        await AgreementAsync(page, 1, road, "Municipalidad", 90);
        await page.ClickAsync("[data-testid=do-record-session]");
        await page.WaitForURLAsync(url => url.Contains("hecho=registrada", StringComparison.Ordinal));
        Assert.Contains("Con quórum", await page.InnerTextAsync("[data-testid=quorum]"));
        var sessionId = page.Url.Split('?')[0].Split('/')[^1];

        // The year's PAT: an objective, the documents agreement accepted into it, and an action of its own.
        var year = DateTime.UtcNow.Year;
        await page.GotoAsync($"{Boards.PortalUrl}/pat/{Municipality}?anio={year}");
        await page.ClickAsync("[data-testid=do-create-plan]");
        await page.WaitForURLAsync(url => url.Contains("hecho=plan", StringComparison.Ordinal));
        await page.FillAsync("#add-objective-title", "Que las familias de Tuna tengan documentos y camino");
        await page.FillAsync("#add-objective-weight", "1");
        await page.ClickAsync("[data-testid=do-add-objective]");
        await page.WaitForURLAsync(url => url.Contains("hecho=objetivo", StringComparison.Ordinal));

        // Planning learns the agreements from Membership's events; the proposals page shows them once it has.
        var proposal = page.Locator("li.proposal", new PageLocatorOptions { HasTextString = documents });
        await Eventually.Until(async () =>
        {
            await page.GotoAsync($"{Boards.PortalUrl}/pat/{Municipality}/propuestas?anio={year}");
            return await proposal.Locator("[data-testid=accept-form]").CountAsync();
        }, count => count == 1, TimeSpan.FromSeconds(60), "the session's agreements proposed in the PAT");
        await proposal.Locator("select[id^=accept-objective-]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await proposal.Locator("select[id^=accept-horizon-]").SelectOptionAsync("short_term");
        await proposal.Locator("input[id^=accept-budget-]").FillAsync("1500000");
        await proposal.Locator("input[id^=accept-weight-]").FillAsync("1");
        await proposal.Locator("[data-testid=do-accept]").ClickAsync();
        await page.Locator("li.proposal[data-status=accepted]", new PageLocatorOptions { HasTextString = documents }).WaitForAsync();

        await page.GotoAsync($"{Boards.PortalUrl}/pat/{Municipality}?anio={year}");
        await page.FillAsync("#add-action-title", $"Censo de familias sin documentos {tag}");
        await page.SelectOptionAsync("#add-action-horizon", "short_term");
        await PortalBrowser.ChooseAsync(page, "#add-action-institution", "mds");
        await page.FillAsync("#add-action-starts", $"{year}-01-15");
        await page.FillAsync("#add-action-ends", $"{year}-12-15");
        await page.FillAsync("#add-action-budget", "800000");
        await page.FillAsync("#add-action-weight", "1");
        await page.ClickAsync("[data-testid=do-add-action]");
        await page.WaitForURLAsync(url => url.Contains("hecho=accion", StringComparison.Ordinal));
        var actions = await page.InnerTextAsync("table[data-testid=actions]");
        Assert.Contains(documents, actions);
        Assert.Contains($"Censo de familias sin documentos {tag}", actions);

        // Half of the census done: the plan's weighted progress is a quarter (two actions of equal weight).
        var census = page.Locator("table[data-testid=actions] tr", new PageLocatorOptions { HasTextString = $"Censo de familias sin documentos {tag}" });
        await census.Locator("[data-testid=edit-action]").ClickAsync();
        await page.Locator("[data-testid=progress-form]").WaitForAsync();
        await page.SelectOptionAsync("#progress-status", "in_progress");
        await page.FillAsync("#progress-value", "50");
        await page.FillAsync("#progress-reason", "Censadas 120 de 240 familias");
        await page.ClickAsync("[data-testid=do-record-progress]");
        await page.WaitForURLAsync(url => url.Contains("hecho=avance", StringComparison.Ordinal));
        var progress = double.Parse((await page.GetAttributeAsync("meter[data-testid=plan-progress]", "value"))!, CultureInfo.InvariantCulture);
        Assert.Equal(25.0, progress);

        // Approved in the session just recorded.
        await page.ClickAsync("[data-testid=nav-plan-versions]");
        await page.SelectOptionAsync("#approve-session", sessionId);
        await page.ClickAsync("[data-testid=do-approve]");
        await page.WaitForURLAsync(url => url.Contains("hecho=aprobado", StringComparison.Ordinal));
        Assert.Contains("Aprobado", await page.InnerTextAsync("[data-testid=plan-state]"));

        // The ministry's national table: the plan's progress and the board's representativity as Membership scored it.
        var score = (await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/boards/{Municipality}/representativity?basis=roster", admin, [HttpStatusCode.OK]))
            .GetProperty("assessment").GetProperty("score").GetDecimal();
        var analyst = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(analyst, Boards.PortalUrl, "analyst", "/ministerio");
        var row = analyst.Locator($"tr[data-municipality={Municipality}]");
        var spanish = CultureInfo.GetCultureInfo("es-PY");
        await Eventually.Until(async () =>
        {
            await analyst.GotoAsync($"{Boards.PortalUrl}/ministerio");
            return (Plan: await row.Locator("td[data-col=pat]").InnerTextAsync(), Score: await row.Locator("td[data-col=representatividad]").InnerTextAsync());
        }, shown => shown.Plan.StartsWith("25", StringComparison.Ordinal)
                && decimal.TryParse(shown.Score, NumberStyles.Number, spanish, out var shownScore) && Math.Abs(shownScore - score) < 0.1m,
            TimeSpan.FromSeconds(60), $"the national table to show the plan at 25 % and representativity {score}");
        await PortalBrowser.ScreenshotAsync(analyst, "16-national-after-journey");
    }

    private static async Task AgreementAsync(IPage page, int row, string what, string institution, int dueInDays)
    {
        await page.FillAsync($"#agr-what-{row}", what);
        await page.SelectOptionAsync($"#agr-inst-{row}", new SelectOptionValue { Label = institution });
        await page.FillAsync($"#agr-due-{row}", Date(dueInDays));
    }

    private static string Date(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
