using System.Globalization;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// "Mi mesa", writable: sessions. Yhú's focal point records a session from the portal only, ticking the attendance and
/// seeing the quorum recounted in the page as boxes are ticked (no reload), with two agreements whose institutions are
/// chosen by name; a missing date comes back next to its field with what was typed kept. On the session's page the draft
/// is corrected (first against a version changed meanwhile through the API: the page says what changed and keeps what
/// was typed), an agreement's status is moved (an empty choice is refused next to the field), and the minutes are
/// closed. The ministry's analyst reads the session without forms; Capiibary's focal point gets 403. Yhú has no board in
/// any other end-to-end test (its service days and referrals do not read one).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalSessionTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "yhu";
    private const string OtherMunicipality = "capiibary";
    private static readonly string[] Voting = ["Derlis Cáceres", "Nilda Ayala", "Óscar Duarte", "Elena Ortiz"];
    private const string NotVoting = "Lucía Benítez";

    [Fact]
    public async Task Portal_a_focal_point_records_a_session_with_live_quorum_corrects_it_moves_an_agreement_and_closes_the_minutes()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        await MakeTheBoardAsync(admin);

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/mesa/{Municipality}");
        await page.ClickAsync("[data-testid=new-session]");
        await page.WaitForURLAsync(url => url.EndsWith($"/mesa/{Municipality}/sesiones/nueva", StringComparison.Ordinal));
        Assert.Contains("más del 50 %", await page.InnerTextAsync("[data-testid=quorum-rule]"));

        // Four voting members: three are needed. The text is recounted in the page as boxes are ticked.
        var quorum = page.Locator("[data-testid=quorum-live]");
        Assert.Contains("Sin quórum: 0 de 4", await quorum.InnerTextAsync());
        await page.EvaluateAsync("() => window.notReloaded = true");
        await TickAsync(page, Voting[0]);
        await TickAsync(page, Voting[1]);
        await TickAsync(page, NotVoting);
        Assert.Contains("Sin quórum: 2 de 4 miembros con voto presentes (se necesitan 3)", await quorum.InnerTextAsync());
        await TickAsync(page, Voting[2]);
        Assert.Contains("Con quórum: 3 de 4", await quorum.InnerTextAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the quorum is recounted without a reload");

        var agenda = "Seguimiento de la jornada en Compañía Santa Librada " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("[data-testid=session-agenda]", agenda);
        await page.FillAsync("[data-testid=session-minutes]", "Se revisan las derivaciones pendientes.");
        await FillAgreementAsync(page, 0, "Operativo de cedulación en Santa Librada", "Ministerio de Desarrollo Social", 30);
        await FillAgreementAsync(page, 1, "Arreglo del camino vecinal a la escuela", "Municipalidad", 60);
        await PortalBrowser.ScreenshotAsync(page, "19-session");

        // "Add another" posts the form back with one more row and everything kept (it works without script).
        await page.ClickAsync("[data-testid=add-agreement]");
        await page.Locator("[data-testid=agreement-row][data-row='2']").WaitForAsync();
        Assert.Equal("Arreglo del camino vecinal a la escuela", await page.InputValueAsync("#agr-what-1"));

        // A missing date: Membership's message next to the date, and nothing typed is lost.
        await page.FillAsync("[data-testid=session-date]", "");
        await page.ClickAsync("[data-testid=do-record-session]");
        var dateError = page.Locator("p.field-error[data-field=date]");
        await dateError.WaitForAsync();
        Assert.Contains("fecha", await dateError.InnerTextAsync());
        Assert.Equal("error-date", await page.GetAttributeAsync("[data-testid=session-date]", "aria-describedby"));
        Assert.Contains("Revise los campos marcados", await page.InnerTextAsync("[data-testid=session-error]"));
        Assert.True(await page.IsCheckedAsync(Box(Voting[2])));
        Assert.Equal("mds", await page.InputValueAsync("#agr-inst-0"));
        Assert.Contains("Con quórum: 3 de 4", await quorum.InnerTextAsync());

        await page.FillAsync("[data-testid=session-date]", Date(DateTime.UtcNow.AddDays(-3)));
        await page.ClickAsync("[data-testid=do-record-session]");
        await page.WaitForURLAsync(url => url.Contains("hecho=registrada", StringComparison.Ordinal));
        var sessionUrl = page.Url.Split('?')[0];
        var sessionPath = "/api/boards/" + Municipality + "/sessions/" + sessionUrl[(sessionUrl.LastIndexOf('/') + 1)..];
        Assert.Equal("draft", await page.GetAttributeAsync("[data-testid=session-status]", "data-status"));
        Assert.Contains("Con quórum", await page.InnerTextAsync("[data-testid=quorum]"));
        Assert.Contains(NotVoting, await page.InnerTextAsync("[data-testid=attendees]"));
        var agreements = await page.InnerTextAsync("table[data-testid=agreements]");
        Assert.Contains("Ministerio de Desarrollo Social", agreements);
        Assert.Contains("Municipalidad", agreements);
        Assert.Contains("Pendiente", agreements);

        // Correct the draft while someone moves an agreement through the API: refused, what changed is said, and the
        // typed minutes and attendance stay; saved again, the correction counts.
        await page.FillAsync("[data-testid=fix-minutes]", "Acta corregida: se revisan las derivaciones y el camino.");
        await page.UncheckAsync(Box(Voting[1]));
        Assert.Contains("Sin quórum: 2 de 4", await page.InnerTextAsync("[data-testid=correct-form] [data-testid=quorum-live]"));
        var session = await Boards.Http.ExpectJsonAsync(HttpMethod.Get, sessionPath, admin, [HttpStatusCode.OK]);
        var road = session.GetProperty("agreements").EnumerateArray().Single(a => a.GetProperty("what").GetString()!.StartsWith("Arreglo", StringComparison.Ordinal));
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"{sessionPath}/agreements/{road.GetProperty("id").GetString()}/status", admin, [HttpStatusCode.OK],
            new { status = "in_progress", expectedVersion = session.GetProperty("version").GetInt64() });
        await page.ClickAsync("[data-testid=do-correct]");
        await page.Locator("[data-testid=session-changes]").WaitForAsync();
        Assert.Contains("Otra persona cambió esta sesión", await page.InnerTextAsync("[data-testid=session-error]"));
        Assert.Contains("«Arreglo del camino vecinal a la escuela» pasó a En curso", await page.InnerTextAsync("[data-testid=session-changes]"));
        Assert.Equal("Acta corregida: se revisan las derivaciones y el camino.", await page.InputValueAsync("[data-testid=fix-minutes]"));
        Assert.False(await page.IsCheckedAsync(Box(Voting[1])));
        await page.ClickAsync("[data-testid=do-correct]");
        await page.WaitForURLAsync(url => url.Contains("hecho=corregida", StringComparison.Ordinal));
        Assert.Contains("Acta corregida", await page.InnerTextAsync("[data-testid=session-minutes]"));
        Assert.Contains("Sin quórum", await page.InnerTextAsync("[data-testid=quorum]"));

        // Move the other agreement: no status chosen is refused next to the field; then it is done, and final.
        var documents = page.Locator("tr[data-testid=agreement]", new PageLocatorOptions { HasTextString = "Operativo de cedulación" });
        await documents.Locator("[data-testid=do-move]").ClickAsync();
        await page.Locator("p.field-error[data-field=status]").WaitForAsync();
        documents = page.Locator("tr[data-testid=agreement]", new PageLocatorOptions { HasTextString = "Operativo de cedulación" });
        await documents.Locator("[data-testid=move-status]").SelectOptionAsync("done");
        await documents.Locator("[data-testid=do-move]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("hecho=acuerdo", StringComparison.Ordinal));
        documents = page.Locator("tr[data-testid=agreement]", new PageLocatorOptions { HasTextString = "Operativo de cedulación" });
        Assert.Equal("done", await documents.Locator("[data-testid=agreement-status]").GetAttributeAsync("data-status"));
        Assert.Contains("Cumplido", await documents.InnerTextAsync());
        Assert.Equal(0, await documents.Locator("[data-testid=move-form]").CountAsync());

        // Close the minutes: no more corrections; the agreement still under way can still move.
        await page.ClickAsync("[data-testid=do-close]");
        await page.WaitForURLAsync(url => url.Contains("hecho=cerrada", StringComparison.Ordinal));
        Assert.Equal("closed", await page.GetAttributeAsync("[data-testid=session-status]", "data-status"));
        Assert.Equal(0, await page.Locator("[data-testid=correct-form]").CountAsync());
        Assert.Equal(1, await page.Locator("[data-testid=move-form]").CountAsync());

        var saved = await Boards.Http.ExpectJsonAsync(HttpMethod.Get, sessionPath, admin, [HttpStatusCode.OK]);
        Assert.Equal(("closed", 3, 2, 3, false), (saved.GetProperty("status").GetString(), saved.GetProperty("attendees").GetArrayLength(),
            saved.GetProperty("votingPresent").GetInt32(), saved.GetProperty("quorumRequired").GetInt32(), saved.GetProperty("quorumReached").GetBoolean()));
        Assert.Equal(["done", "in_progress"], saved.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("status").GetString()).Order());

        // The ministry reads the session without forms; another municipality's focal point gets 403 on both pages.
        var analyst = await Browser.NewPageAsync(phone: true);
        await PortalBrowser.SignInAsync(analyst, Boards.PortalUrl, "analyst", new Uri(sessionUrl).AbsolutePath);
        Assert.Contains(agenda, await analyst.InnerTextAsync("[data-testid=session-agenda]"));
        Assert.Equal(0, await analyst.Locator("[data-testid=move-form]").CountAsync());
        var other = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(other, Boards.PortalUrl, $"focal.{OtherMunicipality}");
        foreach (var path in new[] { $"/mesa/{Municipality}/sesiones/nueva", new Uri(sessionUrl).AbsolutePath })
        {
            var refused = await other.GotoAsync(Boards.PortalUrl + path);
            Assert.Equal(403, refused!.Status);
            Assert.False(string.IsNullOrWhiteSpace(await other.InnerTextAsync("[data-testid=not-allowed]")));
            Assert.Equal(0, await other.Locator("form[data-testid=session-form], [data-testid=agreements]").CountAsync());
        }
    }

    /// <summary>Yhú's board with four voting members and one without vote, through the gateway as ministry-admin.</summary>
    private async Task MakeTheBoardAsync(string admin)
    {
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 8/2025", resolutionDate = "2025-08-20",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        var sectors = new[] { "local_government", "national_institution", "community_organization", "civil_society_organization" };
        foreach (var (name, sector) in Voting.Zip(sectors))
        {
            await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin,
                [HttpStatusCode.Created, HttpStatusCode.Conflict], GatewayCalls.Member(name, sector));
        }

        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            personName = NotVoting, organization = "Universidad Nacional, filial Yhú", sector = "academia", gender = "female", ageBand = "youth",
            territory = new { area = "urban", locality = "Centro" }, voting = false, designatedOn = "2026-01-05",
        });
    }

    private static string Box(string name) => $"[data-testid=attendee][data-name='{name}']";

    private static Task TickAsync(IPage page, string name) => page.CheckAsync(Box(name));

    private static async Task FillAgreementAsync(IPage page, int row, string what, string institution, int dueInDays)
    {
        await page.FillAsync($"#agr-what-{row}", what);
        await page.SelectOptionAsync($"#agr-inst-{row}", new SelectOptionValue { Label = institution });
        await page.FillAsync($"#agr-due-{row}", Date(DateTime.UtcNow.AddDays(dueInDays)));
    }

    private static string Date(DateTime when) => when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
