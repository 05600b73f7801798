using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The needs pages in a real browser against the whole system. The focal point of Santa Rosa del Aguaray opens an
/// assessment round, records three needs through the form (one bad value first, answered next to the field), records
/// two board members' ballots (a repeated place first, answered inline), reads the Borda ranking with the points worked
/// out by hand below, and closes the round. On /oferta they change a service's capacity status, and a change made by
/// someone else first answers the conflict in words. Capiibary's focal point gets the Spanish 403 page. Santa Rosa del
/// Aguaray is used by no other end-to-end test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalNeedsTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "santa-rosa-del-aguaray";
    private const string OtherMunicipality = "capiibary";
    private const string Service = "salud-santa-rosa";

    [Fact]
    public async Task Portal_a_focal_point_opens_a_round_records_needs_and_ballots_sees_the_borda_ranking_and_closes_it()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        await ExpectAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 21/2025", resolutionDate = "2025-06-10",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        foreach (var (name, sector) in new[] { ("Rosa Giménez", "local_government"), ("Aníbal Cáceres", "national_institution") })
        {
            await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict],
                GatewayCalls.Member(name, sector));
        }

        var roster = await ExpectAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.OK]);
        var rosa = MemberId(roster, "Rosa Giménez");
        var anibal = MemberId(roster, "Aníbal Cáceres");

        var page = await Browser.NewPageAsync();
        var rounds = $"/necesidades/{Municipality}";
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", rounds);
        Assert.Contains("Todavía no hay rondas", await page.InnerTextAsync("[data-testid=no-rounds]"));
        Assert.Contains("Santa Rosa del Aguaray", await page.InnerTextAsync("[data-testid=rounds-title]"));

        // A bad period is answered next to the field; a good one opens the round and goes to it.
        await page.FillAsync("#round-period", "2026-S9");
        await page.ClickAsync("[data-testid=do-open-round]");
        Assert.Contains("semestre", await page.InnerTextAsync("p.field-error[data-field=period]"));
        await page.FillAsync("#round-period", "2026-S2");
        await page.ClickAsync("[data-testid=do-open-round]");
        await page.WaitForURLAsync(url => url.Contains("/necesidades/ronda/", StringComparison.Ordinal));
        var roundPath = new Uri(page.Url).AbsolutePath;
        Assert.Equal("Abierta", await page.InnerTextAsync("[data-testid=round-figures] [data-testid=round-status]"));

        // Three needs, the first with 0 people affected before it is corrected.
        await AddNeedAsync(page, "food_security", "Compañía San Antonio", "children", "0", "4", "survey");
        Assert.Contains("personas", await page.InnerTextAsync("p.field-error[data-field=peopleAffected]"));
        Assert.Equal("error-peopleAffected", await page.GetAttributeAsync("#need-people", "aria-describedby"));
        Assert.Equal("Compañía San Antonio", await page.InputValueAsync("#need-locality"));
        await page.FillAsync("#need-people", "120");
        await page.ClickAsync("[data-testid=do-add-need]");
        await page.WaitForURLAsync(url => url.Contains("hecho=necesidad", StringComparison.Ordinal));
        await AddNeedAsync(page, "health", "Barrio Centro", "elderly", "80", "5", "board_session");
        await page.WaitForURLAsync(url => url.Contains("hecho=necesidad", StringComparison.Ordinal));
        await AddNeedAsync(page, "identity_documents", "Colonia Santa Librada", "adolescents", "50", "2", "service_day");
        await page.WaitForURLAsync(url => url.Contains("hecho=necesidad", StringComparison.Ordinal));
        var needs = await page.InnerTextAsync("table[data-testid=needs]");
        Assert.Contains("Seguridad alimentaria", needs);
        Assert.Contains("Personas mayores", needs);
        Assert.Contains("Jornada de servicios", needs);
        Assert.Equal(3, await page.Locator("table[data-testid=needs] tbody tr").CountAsync());

        // Rosa: 1, 2, 3. Aníbal first puts two needs in the same place, then 2, 1 and leaves need 3 out.
        await CastAsync(page, rosa, ("1", "1"), ("2", "2"), ("3", "3"));
        await page.WaitForURLAsync(url => url.Contains("hecho=boleta", StringComparison.Ordinal));
        await CastAsync(page, anibal, ("1", "1"), ("2", "1"), ("3", ""));
        Assert.Contains("repetido", await page.InnerTextAsync(".ballot-place[data-need='2'] .field-error"));
        Assert.Equal(1, await page.Locator("[data-testid=ballots] li").CountAsync());
        await CastAsync(page, anibal, ("1", "2"), ("2", "1"), ("3", ""));
        await page.WaitForURLAsync(url => url.Contains("hecho=boleta", StringComparison.Ordinal));
        var ballots = await page.InnerTextAsync("[data-testid=ballots]");
        Assert.Contains("Rosa Giménez", ballots);
        Assert.Contains("Aníbal Cáceres", ballots);

        // Borda with n = 3: Rosa gives 2, 1, 0 to needs 1, 2, 3; Aníbal 2 to need 2 and 1 to need 1. Needs 1 and 2 tie on
        // 3 points; need 1 goes first on people × severity (120 × 4 = 480 against 80 × 5 = 400). Need 3 has 0.
        await AssertRankingAsync(page, (1, 3, "first"), (2, 3, "people_x_severity"), (3, 0, "points"));
        Assert.Contains("Empate en puntos", await page.InnerTextAsync("table[data-testid=ranking] tr[data-rank='2']"));
        Assert.Contains("Conteo de Borda", await page.InnerTextAsync("[data-testid=ranking-rule]"));
        Assert.Contains("2", await page.InnerTextAsync("[data-testid=ranking-count]"));
        await PortalBrowser.ScreenshotAsync(page, "31-needs-round");

        // Closing sends the version shown; a need added meanwhile makes it stale and Needs' message is shown.
        var roundId = Guid.Parse(roundPath.Split('/').Last());
        var focal = await Boards.Tokens.ForUser($"focal.{Municipality}");
        await ExpectAsync(HttpMethod.Post, $"/api/needs/rounds/{roundId}/needs", focal, [HttpStatusCode.Created], new
        {
            category = "housing", locality = "Barrio San Blas", populationGroup = "women_heads_of_household", peopleAffected = 10, severity = 1,
            evidenceSource = "survey",
        });
        await page.ClickAsync("[data-testid=do-close]");
        Assert.Contains("versión", await page.InnerTextAsync("[data-testid=action-error]"));
        await page.ClickAsync("[data-testid=do-close]");
        await page.WaitForURLAsync(url => url.Contains("hecho=cerrada", StringComparison.Ordinal));
        Assert.Equal("Cerrada", await page.InnerTextAsync("[data-testid=round-figures] [data-testid=round-status]"));
        Assert.Contains("congelado", await page.InnerTextAsync("#ranking-h"));
        Assert.Equal(0, await page.Locator("[data-testid=add-need], [data-testid=ballot-form], [data-testid=close-form]").CountAsync());
        // Four needs now, so a first place is worth 3: Rosa 3, 2, 1 to needs 1, 2, 3; Aníbal 3 to need 2 and 2 to need 1.
        await AssertRankingAsync(page, (1, 5, "first"), (2, 5, "people_x_severity"), (3, 1, "points"), (4, 0, "points"));

        // The municipality's rounds: the closed round with its counts, and the gaps by category name.
        await page.ClickAsync("[data-testid=link-rounds]");
        await page.WaitForURLAsync(url => url.EndsWith(rounds, StringComparison.Ordinal));
        var row = page.Locator("table[data-testid=rounds] tbody tr").First;
        var rowText = await row.InnerTextAsync();
        Assert.Contains("2026-S2", rowText);
        Assert.Contains("Cerrada", rowText);
        Assert.Contains("4", await row.Locator("td").Nth(1).InnerTextAsync());
        Assert.Contains("2", await row.Locator("td").Nth(2).InnerTextAsync());
        Assert.Contains("Seguridad alimentaria", await page.InnerTextAsync("table[data-testid=gaps]"));
        Assert.Equal(0, await page.Locator("[data-testid=service-down]").CountAsync());
        await PortalBrowser.ScreenshotAsync(page, "30-needs-rounds");

        // Capiibary's focal point: the Spanish 403 page, from the portal and (for the round) from Needs.
        var other = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(other, Boards.PortalUrl, $"focal.{OtherMunicipality}");
        var response = await other.GotoAsync($"{Boards.PortalUrl}{rounds}");
        Assert.Equal(403, response!.Status);
        Assert.Contains("No tiene permiso", await other.InnerTextAsync("[data-testid=not-allowed]"));
        Assert.Equal(0, await other.Locator("table[data-testid=rounds], [data-testid=open-round]").CountAsync());
        response = await other.GotoAsync($"{Boards.PortalUrl}{roundPath}");
        Assert.Equal(403, response!.Status);
        Assert.Equal(0, await other.Locator("table[data-testid=needs]").CountAsync());
        response = await other.GotoAsync($"{Boards.PortalUrl}/oferta/{Municipality}");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task Portal_the_focal_point_changes_a_services_capacity_on_the_offer_page_and_sees_the_badge_in_both_languages()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        var (status, body) = await OfferSetup.OfferAsync(Boards.Http, admin, Municipality, OfferSetup.Service(Service));
        Assert.True(OfferSetup.Offered(status), body);

        var page = await Browser.NewPageAsync(phone: true);
        var offer = $"/oferta/{Municipality}";
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", offer);
        var card = page.Locator($"li[data-service='{Service}']");
        Assert.Equal("Con cupos", await card.Locator("[data-testid=capacity-badge]").InnerTextAsync());
        Assert.Contains("Salud", await card.Locator("[data-testid=service-categories]").InnerTextAsync());

        await card.Locator("[data-testid=capacity-status]").SelectOptionAsync("waitlist");
        await card.Locator("[data-testid=capacity-band]").SelectOptionAsync("one_to_3_months");
        await card.Locator("[data-testid=do-capacity]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("hecho=capacidad", StringComparison.Ordinal));
        card = page.Locator($"li[data-service='{Service}']");
        Assert.Equal("Lista de espera · de 1 a 3 meses", await card.Locator("[data-testid=capacity-badge]").InnerTextAsync());
        await PortalBrowser.ScreenshotAsync(page, "32-offer");

        // Someone else changes it while the page is open: the form's version is stale and the page says so.
        var current = await ExpectAsync(HttpMethod.Get, $"/api/offer/{Municipality}/services/{Service}", admin, [HttpStatusCode.OK]);
        await ExpectAsync(HttpMethod.Put, $"/api/offer/{Municipality}/services/{Service}", admin, [HttpStatusCode.OK], new
        {
            name = "Atención primaria de salud", program = "Unidad de Salud de la Familia", institutionCode = "mspbs", categories = new[] { "health" },
            eligibilitySummary = "Toda persona del distrito, con o sin documento.", channel = "health_unit", monthlyCapacity = 200,
            capacityStatus = "full", expectedVersion = current.GetProperty("version").GetInt32(),
        });
        await card.Locator("[data-testid=capacity-status]").SelectOptionAsync("available");
        await card.Locator("[data-testid=do-capacity]").ClickAsync();
        Assert.Contains("Otra persona cambió", await page.InnerTextAsync("[data-testid=action-error]"));
        Assert.Equal("Sin cupos", await page.Locator($"li[data-service='{Service}'] [data-testid=capacity-badge]").InnerTextAsync());

        // Adding a service with nothing filled in: Needs' errors next to the fields.
        await page.ClickAsync("[data-testid=do-add-service]");
        Assert.Contains("código", await page.InnerTextAsync("p.field-error[data-field=code]"));
        Assert.Equal("service-code-hint error-code", await page.GetAttributeAsync("#service-code", "aria-describedby"));
        Assert.Equal(1, await page.Locator("p.field-error[data-field=channel]").CountAsync());

        // The CSV import is all or nothing: a file with two bad rows lists both with their lines and writes nothing.
        const string header = "codigo,nombre,programa,institucion,categorias,resumen_elegibilidad,canal,capacidad_mensual,estado_capacidad,banda_espera";
        const string tekopora = "tekopora-sr,Tekoporã,Tekoporã,mds,food_security|education,Hogares en pobreza extrema.,visita_domiciliaria,40,lista_de_espera,de_1_a_3_meses";
        await ImportAsync(page, header, tekopora,
            "usf-centro-sr,USF Centro,Unidad de Salud de la Familia,ninguna,health,Toda la población.,unidad_de_salud,,disponible,",
            "pension-sr,Pensión Alimentaria,Pensión Alimentaria para Adultos Mayores,mds,social_security,Personas de 65 años o más.,oficina,muchos,sin_cupo,");
        var errors = page.Locator("table[data-testid=import-error-list] tbody tr");
        await errors.First.WaitForAsync();
        Assert.Equal(1, await page.Locator("table[data-testid=import-error-list] tr[data-line='3']").CountAsync());
        Assert.Equal(1, await page.Locator("table[data-testid=import-error-list] tr[data-line='4']").CountAsync());
        Assert.Contains("No se importó", await page.InnerTextAsync("[data-testid=import-errors]"));
        Assert.Equal(0, await page.Locator("li[data-service='tekopora-sr']").CountAsync());

        await ImportAsync(page, header, tekopora,
            "usf-centro-sr,USF Centro,Unidad de Salud de la Familia,mspbs,health,Toda la población.,unidad_de_salud,,disponible,",
            "pension-sr,Pensión Alimentaria,Pensión Alimentaria para Adultos Mayores,mds,social_security,Personas de 65 años o más.,oficina,120,sin_cupo,");
        await page.WaitForURLAsync(url => url.Contains("hecho=importada", StringComparison.Ordinal));
        Assert.Contains("3 servicios nuevos", await page.InnerTextAsync("[data-testid=done]"));
        Assert.Equal("Lista de espera · de 1 a 3 meses", await page.Locator("li[data-service='tekopora-sr'] [data-testid=capacity-badge]").InnerTextAsync());
        Assert.Contains("Seguridad alimentaria, Educación", await page.InnerTextAsync("li[data-service='tekopora-sr'] [data-testid=service-categories]"));

        // The same page in English, from the needs pages' own resources.
        await page.GotoAsync($"{Boards.PortalUrl}/idioma/en?returnUrl={Uri.EscapeDataString(offer)}");
        Assert.StartsWith("Service offer of", await page.InnerTextAsync("[data-testid=offer-title]"));
        Assert.Equal("Full", await page.Locator($"li[data-service='{Service}'] [data-testid=capacity-badge]").InnerTextAsync());
        Assert.Contains("Change the capacity status", await page.InnerTextAsync($"li[data-service='{Service}']"));
    }

    private static async Task ImportAsync(IPage page, params string[] lines)
    {
        await page.SetInputFilesAsync("#import-file", new FilePayload
        {
            Name = "oferta.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"),
        });
        await page.ClickAsync("[data-testid=do-import]");
    }

    private static async Task AddNeedAsync(IPage page, string category, string locality, string group, string people, string severity, string source)
    {
        await PortalBrowser.ChooseAsync(page, "#need-category", category);
        await page.FillAsync("#need-locality", locality);
        await page.SelectOptionAsync("#need-group", group);
        await page.FillAsync("#need-people", people);
        await page.SelectOptionAsync("#need-severity", severity);
        await page.SelectOptionAsync("#need-source", source);
        await page.ClickAsync("[data-testid=do-add-need]");
    }

    /// <summary>Records a ballot through the form: the member, and for each need number its place ("" leaves it out).</summary>
    private static async Task CastAsync(IPage page, string memberId, params (string Need, string Place)[] places)
    {
        await page.SelectOptionAsync("#ballot-member", memberId);
        foreach (var (need, place) in places)
        {
            await page.SelectOptionAsync($"[data-testid=place-{need}]", place);
        }

        await page.ClickAsync("[data-testid=do-cast-ballot]");
    }

    private static async Task AssertRankingAsync(IPage page, params (int Need, int Points, string DecidedBy)[] expected)
    {
        var rows = page.Locator("table[data-testid=ranking] tbody tr");
        Assert.Equal(expected.Length, await rows.CountAsync());
        for (var i = 0; i < expected.Length; i++)
        {
            var row = rows.Nth(i);
            Assert.Equal((i + 1).ToString(), await row.GetAttributeAsync("data-rank"));
            Assert.Equal(expected[i].Need.ToString(), await row.GetAttributeAsync("data-need"));
            Assert.Equal(expected[i].Points.ToString(), (await row.Locator("[data-testid=points]").InnerTextAsync()).Trim());
            Assert.Equal(expected[i].DecidedBy, await row.Locator("[data-decided]").GetAttributeAsync("data-decided"));
        }
    }

    private static string MemberId(JsonElement roster, string name) =>
        roster.EnumerateArray().First(m => m.GetProperty("personName").GetString() == name).GetProperty("id").GetString()!;

    private Task<JsonElement> ExpectAsync(HttpMethod method, string path, string token, HttpStatusCode[] expected, object? body = null) =>
        Boards.Http.ExpectJsonAsync(method, path, token, expected, body);
}
