using Boards.Testing;
using System.Text.RegularExpressions;

namespace Boards.Monitoring.Tests.Integration.NationalTable;

/// <summary>The printable monthly report of a department: its municipalities, their figures and the totals, worked out by hand.</summary>
public sealed partial class MonthlyReportTests(TokenMonitoringHost host) : IClassFixture<TokenMonitoringHost>
{
    private async Task<string> ReportAsync(string query, string token)
    {
        using var client = host.Client(token);
        using var response = await client.GetAsync($"/api/monitoring/national/monthly-report?{query}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    [Fact]
    public async Task The_report_of_a_department_and_month_holds_its_municipalities_their_figures_and_the_totals()
    {
        var story = new TwoDepartments(15, "Presidente Hayes", 16, "Boquerón");
        await story.SeedAsync(host);

        var html = await ReportAsync("department=15&month=2026-02", await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));

        Assert.Contains("<span id=\"departamento\">Presidente Hayes</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"mes\">febrero de 2026</span>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.DoesNotContain(story.C, html, StringComparison.Ordinal);
        // February by hand: A sent 1 (rejected 10/02), B sent 1 (still requested, 20/02); A's day of 14/02, 50 people.
        //                      name, cohort, sent, open, accepted, rejected, completed, failed, cancelled, overdue, rate, focal point, days, people
        Assert.Equal(["Alto Verá", "pilot-2021", "1", "0", "0", "1", "0", "0", "0", "0", "0 %", "Designado, con acceso", "1", "50", "— (0)", "—"], Cells(html, story.A));
        Assert.Equal(["Yatytay", "expansion-2025", "1", "1", "0", "0", "0", "0", "0", "0", "0 %", "Designado, sin cuenta de usuario", "0", "0", "— (0)", "—"], Cells(html, story.B));
        Assert.Equal(["Total del departamento", "2", "1", "0", "1", "0", "0", "0", "0", "0 %", "1 de 2 con acceso", "1", "50", "— (0)", "—"], Cells(html, "total"));
        Assert.Contains("<td>Alto Verá</td><td>MSPBS</td><td class=\"num\">1</td><td class=\"num\">40</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Alto Verá</td><td>MEC</td><td class=\"num\">1</td><td class=\"num\">15</td>", html, StringComparison.Ordinal);

        // A focal point's report holds its own municipality only.
        var own = await ReportAsync("department=15&month=2026-02", await host.TokenAsync(story.B, BoardsRoles.FocalPoint));
        Assert.Equal("Yatytay", Cells(own, story.B)[0]);
        Assert.DoesNotContain(story.A, own, StringComparison.Ordinal);
    }

    /// <summary>The text of each cell of the row marked data-municipio="<paramref name="code"/>".</summary>
    private static string[] Cells(string html, string code)
    {
        var row = Regex.Match(html, $"<tr data-municipio=\"{Regex.Escape(code)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {code}");
        return [.. CellPattern().Matches(row.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
