using System.Globalization;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Issue 22's "done when", against the whole system: a request to /open/v1/… at the gateway with no token returns the
/// month's figures (a referral sent through the API shows in them), a crawler's second request is a 304, and the
/// portal's public page lists the months and municipalities with working links, without signing in.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class OpenDataTests(BoardsAppFixture boards) : PortalTest(boards)
{
    private const string Municipality = "villa-franca";

    private static string CurrentMonth =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Asuncion")).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<JsonElement> SentTotalAsync(string month)
    {
        using var response = await Boards.Http.GetAsync($"/open/v1/municipios/{Municipality}/{month}.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var municipality = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("municipios").EnumerateArray());
        return municipality.GetProperty("cifras").EnumerateArray()
            .Single(f => f.GetProperty("indicador").GetString() == "referencias_enviadas" && f.GetProperty("categoria_necesidad").ValueKind == JsonValueKind.Null)
            .Clone();
    }

    [Fact]
    public async Task A_request_without_a_token_returns_the_months_figures_and_a_crawler_gets_a_304()
    {
        var month = CurrentMonth;
        var focal = BoardsAppFixture.Bearer(await Boards.Tokens.ForUser($"focal.{Municipality}"));
        var before = await SentTotalAsync(month);
        var sentBefore = before.GetProperty("estado").GetString() == "publicado" ? before.GetProperty("valor").GetInt32() : 0;

        for (var i = 0; i < 6; i++)
        {
            await Boards.Referrals.CreateReferralAsync(Requests.NewReferral(Municipality), focal);
        }

        // At least 6 sent this month: never small, so published, and counted once monitoring has the events.
        var after = await Eventually.Until(() => SentTotalAsync(month),
            f => f.GetProperty("estado").GetString() == "publicado" && f.GetProperty("valor").GetInt32() >= sentBefore + 6,
            what: "the open data to count the six referrals");
        Assert.True(after.GetProperty("valor").GetInt32() >= 6);

        var path = $"/open/v1/meses/{month}.csv";
        using var first = await Boards.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("mes,municipio,municipio_nombre,departamento,indicador,categoria_necesidad,valor,estado", await first.Content.ReadAsStringAsync());
        Assert.Contains("public", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await Boards.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // The other doors stay shut without a token.
        using var api = await Boards.Http.GetAsync($"/api/monitoring/municipalities/{Municipality}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task The_public_page_lists_months_and_municipalities_with_links_that_work_without_signing_in()
    {
        var page = await Browser.NewPageAsync();
        var response = await page.GotoAsync($"{Boards.PortalUrl}/datos-abiertos");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Datos abiertos", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.es", await page.GetByTestId("od-license").GetAttributeAsync("href"));
        var monthRow = page.GetByTestId("od-months").Locator($"tr[data-month='{CurrentMonth}']");
        Assert.Equal(1, await monthRow.CountAsync());
        var municipalityRow = page.GetByTestId("od-municipalities").Locator($"tr[data-municipality='{Municipality}']");
        Assert.Equal("Villa Franca", await municipalityRow.Locator("th").InnerTextAsync());

        // Each link is the gateway's stable address, and answers without a token.
        foreach (var link in new[] { monthRow.Locator("a").First, municipalityRow.Locator("a").Nth(1), page.GetByTestId("od-dictionary-json") })
        {
            var href = await link.GetAttributeAsync("href");
            Assert.StartsWith($"http://localhost:{BoardsAppFixture.GatewayPort}/open/v1/", href);
            using var file = await new HttpClient().GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }

        // The download form sends the person to the chosen file.
        await page.SelectOptionAsync("#od-municipio", Municipality);
        await page.SelectOptionAsync("#od-mes", CurrentMonth);
        await page.CheckAsync("input[name=formato][value=json]");
        var download = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("od-form").Locator("button[type=submit]").ClickAsync(),
            r => r.Url.Contains($"/open/v1/municipios/{Municipality}/{CurrentMonth}.json", StringComparison.Ordinal));
        Assert.Equal(200, download.Status);
        await PortalBrowser.ScreenshotAsync(page, "50-open-data");
    }
}
