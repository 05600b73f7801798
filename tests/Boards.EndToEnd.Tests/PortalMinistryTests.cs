using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The ministry view in a real browser against the whole system: the national table of every municipality, its
/// closed-loop rate following a loop closed through the API, the CSV export, the drill-down, and a focal point who
/// sees only their own municipality. Tembiaporá is used by no other end-to-end test.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PortalMinistryTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "tembiapora";
    private const int MonitoringGrpcPort = 6112;

    [Fact]
    public async Task Portal_an_analyst_signs_in_and_sees_that_municipalitys_closed_loop_rate_change_in_the_national_table()
    {
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "analyst", "/ministerio");
        await page.Locator("[data-testid=nav-ministry]").WaitForAsync();
        var row = page.Locator($"tr[data-municipality='{Municipality}']");
        await row.WaitForAsync();
        Assert.True(await page.Locator("table[data-testid=national-table] tbody tr").CountAsync() >= 18, "every municipality should be listed");
        var before = await ClosedLoopAsync(row);
        // The table updates by itself (live updates): no reload from here on.
        await page.WaitForFunctionAsync("() => document.getElementById('live-status')?.dataset.state === 'on'", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };

        // A loop closed through the API: the focal point refers, mspbs accepts and counter-refers. When the rate is
        // already 100 %, one more referral left open makes the change visible.
        var focal = BoardsAppFixture.Bearer(await Boards.Tokens.ForUser($"focal.{Municipality}"));
        var officer = BoardsAppFixture.Bearer(await Boards.Tokens.ForUser("officer.mspbs"));
        var created = await Boards.Referrals.CreateReferralAsync(Requests.NewReferral(Municipality), focal);
        var accepted = await Boards.Referrals.AcceptReferralAsync(
            new AcceptReferralRequest { Id = created.Id, ExpectedVersion = created.Version, Note = "Turno asignado" }, officer);
        var closed = await Boards.Referrals.CounterReferAsync(new CounterReferRequest
        {
            Id = created.Id,
            ExpectedVersion = accepted.Version,
            CounterReferral = new CounterReferral
            {
                Attended = true,
                AttendedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Outcome = Outcome.GotHelp,
                ServicesDelivered = { "control-prenatal" },
                Notes = "Control realizado.",
            },
        }, officer);
        Assert.Equal(ReferralStatus.Completed, closed.Status);
        if (before is 1.0)
        {
            await Boards.Referrals.CreateReferralAsync(Requests.NewReferral(Municipality), focal);
        }

        // Monitoring is fed by events and tells the portal (MunicipalityIndicatorsChanged); the row changes in place.
        var after = before;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (after == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            after = await ClosedLoopAsync(page.Locator($"tr[data-municipality='{Municipality}']"));
        }

        Assert.NotEqual(before, after);
        Assert.Equal(0, navigations);
        Assert.NotNull(after);
        var shown = await page.Locator($"tr[data-municipality='{Municipality}'] [data-col=ciclo]").InnerTextAsync();
        Assert.EndsWith("%", shown.Trim());

        // Sorted by closed-loop rate, with the sort stated for screen readers.
        await page.ClickAsync("th[data-col=ciclo] a");
        await page.WaitForURLAsync(url => url.Contains("orden=ciclo", StringComparison.Ordinal));
        Assert.NotNull(await page.GetAttributeAsync("th[data-col=ciclo]", "aria-sort"));
        await PortalBrowser.ScreenshotAsync(page, "11-national-table");

        // The CSV export: UTF-8 with a BOM, ';' separator, Spanish headers, the municipality's row.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Código;Municipio;Departamento;Referencias enviadas;Abiertas;Vencidas;Tasa de ciclo cerrado (%)", lines[0]);
        Assert.Contains(lines, line => line.StartsWith($"{Municipality};Tembiaporá;", StringComparison.Ordinal));
        Assert.EndsWith(".csv", download.SuggestedFilename);

        // The drill-down: the same figure, and the referrals by status as a chart with a text alternative.
        await page.ClickAsync($"tr[data-municipality='{Municipality}'] a");
        await page.WaitForSelectorAsync("[data-testid=closed-loop]");
        Assert.Equal(after.Value.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("[data-testid=closed-loop]", "data-value"));
        var chart = page.Locator("[data-testid=chart-status] svg[role=img]");
        Assert.Contains("Completada", await chart.Locator("desc").TextContentAsync());
        // Over time and by category, from Monitoring's trends: this month has a rate, the referrals' category is counted.
        var overTime = await page.Locator("[data-testid=chart-closed-loop] desc").TextContentAsync();
        Assert.Contains("%", overTime);
        Assert.Contains("salud", await page.Locator("[data-testid=chart-categories] desc").TextContentAsync());
        await PortalBrowser.ScreenshotAsync(page, "12-municipality-drilldown");
    }

    [Fact]
    public async Task Portal_a_focal_point_sees_only_their_own_municipality_in_the_national_view()
    {
        var page = await Browser.NewPageAsync(phone: true);
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "focal.pilar", "/ministerio");
        await page.Locator("[data-testid=own-only]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=nav-ministry]").CountAsync());
        var rows = page.Locator("table[data-testid=national-table] tbody tr");
        Assert.True(await rows.CountAsync() <= 1);
        if (await rows.CountAsync() == 1)
        {
            Assert.Equal("pilar", await rows.GetAttributeAsync("data-municipality"));
        }

        await PortalBrowser.ScreenshotAsync(page, "national-view-focal-point-phone");

        var response = await page.GotoAsync($"{Boards.PortalUrl}/ministerio/municipios/{Municipality}");
        Assert.Equal(403, response!.Status);
        Assert.Contains("No tiene permiso", await page.InnerTextAsync("[data-testid=not-allowed]"));
        Assert.Equal("Tembiaporá", (await page.InnerTextAsync("h1")).Trim());

        // In English too.
        await page.GotoAsync($"{Boards.PortalUrl}/ministerio");
        await page.ClickAsync("a[lang=en]");
        await page.WaitForSelectorAsync("h1:has-text('National view')");
        Assert.Contains("your own municipality", await page.InnerTextAsync("[data-testid=own-only]"));
    }

    [Trait(BoardsAppFixture.ShapeTrait, BoardsAppFixture.ServicesShapeOnly)] // stops monitoring alone: not possible in one process
    [Fact]
    public async Task Portal_with_monitoring_down_the_national_view_says_so_and_the_rest_of_the_portal_works()
    {
        var page = await Browser.NewPageAsync();
        await PortalBrowser.SignInAsync(page, Boards.PortalUrl, "analyst", "/ministerio");
        await page.Locator("table[data-testid=national-table]").WaitForAsync();
        await Boards.StopServiceAsync("monitoring", MonitoringGrpcPort);
        try
        {
            await page.ReloadAsync();
            var down = page.Locator("[data-testid=service-down]");
            await down.WaitForAsync();
            Assert.Contains("No pudimos cargar los indicadores", await down.InnerTextAsync());
            Assert.Equal(0, await page.Locator("table[data-testid=national-table]").CountAsync());

            // The navigation still works, and so does the referral list, which does not need monitoring.
            await page.ClickAsync("header a[href='/referencias']");
            await page.WaitForSelectorAsync("[data-testid=box-todas]");
            Assert.Equal(0, await page.Locator("[data-testid=service-down]").CountAsync());
        }
        finally
        {
            await Boards.RestartServiceAsync("monitoring");
        }
    }

    private static async Task<double?> ClosedLoopAsync(ILocator row)
    {
        var value = await row.Locator("[data-col=ciclo]").GetAttributeAsync("data-value");
        return string.IsNullOrEmpty(value) ? null : double.Parse(value, CultureInfo.InvariantCulture);
    }
}
