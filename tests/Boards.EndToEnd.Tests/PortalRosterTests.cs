using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// "Mi mesa", the rest of the roster: a focal point imports members from a CSV (a bad file shows every error with its
/// line and column and writes nothing; a large one becomes a job whose page shows its progress), corrects a membership
/// from the roster, and appoints the focal point with a new user name, whose access the page shows going from pending
/// to granted by itself. Each change says how it moved the representativity score. Uses General Higinio Morínigo's
/// board, like PortalBoardEditTests (members with unique names, so the two tests do not meet).
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalRosterTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "general-higinio-morinigo";
    private const string Header = "nombre;institucion;sector;genero;franja_edad;area;localidad;indigena;con_voto;fecha_designacion";

    [Fact]
    public async Task Portal_a_focal_point_imports_corrects_and_appoints_from_my_board()
    {
        var admin = await Boards.Tokens.ForUser("admin");
        await Boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 21/2025", resolutionDate = "2025-06-10",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        var tag = Guid.NewGuid().ToString("N")[..6];
        var before = await RosterCountAsync(admin);

        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, $"focal.{Municipality}", $"/mesa/{Municipality}");
        await page.ClickAsync("[data-testid=link-import]");
        await page.Locator("[data-testid=import-members]").WaitForAsync();

        // A bad file: every error with its line and column, shown in place (the upload script, not a page load), and nothing written.
        await page.EvaluateAsync("() => window.__samePage = true");
        await page.SetInputFilesAsync("#import-file", Csv("malo.csv",
            $"Ana {tag};Municipalidad;gobierno_local;mujer;adulto;urbana;Centro;no;si;2026-01-05",
            $"Luis {tag};Escuela;gobierno_local;marciano;adulto;urbana;Centro;no;si;2026-01-05",
            $"Rosa {tag};Comisión;organizacion_comunitaria;mujer;adulto;rural;Potrero;no;si;05/13/2026"));
        await page.ClickAsync("[data-testid=do-import-members]");
        await page.Locator("[data-testid=import-error-list]").WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "the errors came through the upload script");
        Assert.Equal(1, await page.Locator("tr[data-line='3'][data-column='genero']").CountAsync());
        Assert.Equal(1, await page.Locator("tr[data-line='4'][data-column='fecha_designacion']").CountAsync());
        Assert.Contains("No se importó ningún miembro", await page.InnerTextAsync("[data-testid=import-errors]"));
        Assert.Equal(before, await RosterCountAsync(admin));
        await PortalBrowser.ScreenshotAsync(page, "17-member-import-errors");

        // A good file: back on the board, which says how the score moved, with the new members on the roster.
        await page.SetInputFilesAsync("#import-file", Csv("bueno.csv",
            $"Ana {tag};Municipalidad;gobierno_local;mujer;adulto;urbana;Centro;no;si;2026-01-05",
            $"Luis {tag};Escuela Básica 3;institucion_nacional;hombre;joven;rural;Potrero;si;si;2026-01-05",
            $"Rosa {tag};Comisión vecinal;organizacion_comunitaria;mujer;mayor;rural;Potrero;no;no;2026-01-05"));
        await page.ClickAsync("[data-testid=do-import-members]");
        await page.WaitForURLAsync(url => url.Contains("hecho=importados", StringComparison.Ordinal));
        Assert.Contains("Representatividad según la nómina", await page.InnerTextAsync("[data-testid=score-change]"));
        Assert.Equal(before + 3, await RosterCountAsync(admin));
        var roster = await page.InnerTextAsync("table[data-testid=roster]");
        Assert.Contains($"Luis {tag}", roster);

        // A large file becomes a job: its page shows the phase and, at the end, every error; still nothing written.
        var rows = Enumerable.Range(1, 600).Select(i => $"Persona {i} {tag};Comité {i};organizacion_comunitaria;mujer;adulto;rural;Compañía {i};no;si;2026-01-05")
            .Append($"Última {tag};Comité;organizacion_comunitaria;mujer;adulto;rural;Potrero;no;si;mañana").ToArray();
        await page.GotoAsync($"{Boards.PortalUrl}/mesa/{Municipality}/importar");
        await page.SetInputFilesAsync("#import-file", Csv("grande.csv", rows));
        await page.ClickAsync("[data-testid=do-import-members]");
        await page.WaitForURLAsync(url => url.Contains($"/mesa/{Municipality}/importar/", StringComparison.Ordinal));
        await page.Locator("[data-testid=import-job][data-status=failed]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(1, await page.Locator("tr[data-line='602'][data-column='fecha_designacion']").CountAsync());
        Assert.Equal(before + 3, await RosterCountAsync(admin));

        // Correct a membership from the roster: the form starts from everything recorded; the change is kept.
        await page.GotoAsync($"{Boards.PortalUrl}/mesa/{Municipality}");
        var rosa = page.Locator("table[data-testid=roster] tr", new PageLocatorOptions { HasTextString = $"Rosa {tag}" });
        await rosa.Locator("a", new LocatorLocatorOptions { HasTextString = "Corregir" }).ClickAsync();
        await page.Locator("[data-testid=correct-member]").WaitForAsync();
        Assert.Equal($"Rosa {tag}", await page.InputValueAsync("#fix-name"));
        Assert.Equal("community_organization", await page.InputValueAsync("#fix-sector"));
        Assert.True(await page.IsCheckedAsync("#fix-not-voting"));
        await page.FillAsync("#fix-locality", "Compañía Potrero Guazú");
        await page.CheckAsync("#fix-indigenous");
        await page.ClickAsync("[data-testid=do-correct-member]");
        await page.WaitForURLAsync(url => url.Contains("hecho=correccion", StringComparison.Ordinal));
        var corrected = (await MembersAsync(admin)).Single(m => m.GetProperty("personName").GetString() == $"Rosa {tag}");
        Assert.Equal("Compañía Potrero Guazú", corrected.GetProperty("territory").GetProperty("locality").GetString());
        Assert.True(corrected.GetProperty("indigenous").GetBoolean());
        Assert.False(corrected.GetProperty("voting").GetBoolean());

        // Appoint the focal point with a new user name: pending, then granted, without reloading the page.
        var account = $"fp.{tag}";
        var ana = page.Locator("#appoint-member option", new PageLocatorOptions { HasTextString = $"Ana {tag}" });
        await page.SelectOptionAsync("#appoint-member", (await ana.GetAttributeAsync("value"))!);
        await page.FillAsync("#appoint-starts", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#appoint-account", account);
        await page.ClickAsync("[data-testid=do-appoint-focal]");
        await page.WaitForURLAsync(url => url.Contains("hecho=focal", StringComparison.Ordinal));
        Assert.Contains($"Ana {tag}", await page.InnerTextAsync("[data-testid=current-focal-point]"));
        await page.Locator("[data-testid=focal-access][data-access=granted]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains(account, await page.InnerTextAsync("[data-testid=focal-access]"));
        await PortalBrowser.ScreenshotAsync(page, "15-board-focal-point");

        // An appointment without choosing anyone: the error next to the field.
        await page.ClickAsync("[data-testid=do-appoint-focal]");
        await page.Locator("p.field-error[data-field=memberId]").WaitForAsync();
    }

    private static FilePayload Csv(string name, params string[] rows) => new()
    {
        Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join('\n', rows.Prepend(Header)) + "\n"),
    };

    private async Task<List<JsonElement>> MembersAsync(string token) =>
        (await Boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/boards/{Municipality}/members", token, [HttpStatusCode.OK])).EnumerateArray().ToList();

    private async Task<int> RosterCountAsync(string token) => (await MembersAsync(token)).Count;
}
