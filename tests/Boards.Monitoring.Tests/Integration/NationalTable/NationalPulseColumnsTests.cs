using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Boards.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Boards.Monitoring.Tests.Integration.NationalTable;

/// <summary>
/// The pulse's columns of the filtered national table (docs/monitoring.md, "Filters and reports"): for the quarters the
/// period overlaps, each municipality's trust index with its n and its response rate, and the department's over all their
/// answers, worked out by hand; the same figures in the CSV, the .xlsx and the monthly report. Concepción (1) and
/// Asunción (0): no other test registers a municipality there.
/// </summary>
public sealed partial class NationalPulseColumnsTests(NationalPulseColumnsTests.Story story) : IClassFixture<NationalPulseColumnsTests.Story>
{
    /// <summary>
    /// The host, seeded once for the class. P (Concepción): 2026-Q1 10 slips, trust 100, 75 and 50 with a code and 0 on
    /// paper without one; 2026-Q2 4 slips, trust 25 and 25 with a code. Q (Horqueta): 2026-Q1 a member's 100 on paper
    /// without a code; 2025-Q4 2 slips and a 0 with a code. R (Asunción): 2026-Q1 2 slips, 100 and 100.
    /// </summary>
    public sealed class Story : IAsyncLifetime
    {
        public TokenMonitoringHost Host { get; } = new();
        public string P { get; } = TestCodes.Unique("conc");
        public string Q { get; } = TestCodes.Unique("horq");
        public string R { get; } = TestCodes.Unique("asun");

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            await Host.PublishAndWaitAsync(TestCodes.Registration(P, "Concepción", "Concepción", 1));
            await Host.PublishAndWaitAsync(TestCodes.Registration(Q, "Horqueta", "Concepción", 1));
            await Host.PublishAndWaitAsync(TestCodes.Registration(R, "Asunción", "Asunción", 0));
            object[] events =
            [
                PulseEvents.Slips(P, "2026-Q1", 10),
                PulseEvents.Answer(P, "2026-Q1", 5), PulseEvents.Answer(P, "2026-Q1", 4), PulseEvents.Answer(P, "2026-Q1", 3),
                PulseEvents.Answer(P, "2026-Q1", 1, withCode: false),
                PulseEvents.Slips(P, "2026-Q2", 4),
                PulseEvents.Answer(P, "2026-Q2", 2), PulseEvents.Answer(P, "2026-Q2", 2),
                PulseEvents.Answer(Q, "2026-Q1", 5, source: "board_session", withCode: false),
                PulseEvents.Slips(Q, "2025-Q4", 2),
                PulseEvents.Answer(Q, "2025-Q4", 1),
                PulseEvents.Slips(R, "2026-Q1", 2),
                PulseEvents.Answer(R, "2026-Q1", 5), PulseEvents.Answer(R, "2026-Q1", 5),
            ];
            foreach (var message in events)
            {
                await Host.PublishAndWaitAsync(message);
            }
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private async Task<byte[]> GetAsync(string path, string token)
    {
        using var client = story.Host.Client(token);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return body;
    }

    private async Task<JsonElement> TableAsync(string query, string token) =>
        JsonDocument.Parse(await GetAsync($"/api/monitoring/national?{query}", token)).RootElement.Clone();

    /// <summary>(trust index, its n, response rate, answers with a code, slips printed) of a row or the totals.</summary>
    private static (decimal?, int, decimal?, int, int) Pulse(JsonElement withPulse)
    {
        var pulse = withPulse.GetProperty("pulse");
        var trust = pulse.GetProperty("trust");
        return (Dec(trust.GetProperty("value")), trust.Int("answers"), Dec(pulse.GetProperty("responseRate")), pulse.Int("answersWithCode"), pulse.Int("slipsPrinted"));
    }

    private static decimal? Dec(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static JsonElement Row(JsonElement table, string code) =>
        table.GetProperty("municipalities").EnumerateArray().Single(m => m.Str("code") == code);

    [Fact]
    public async Task The_trust_index_its_answers_and_the_response_rate_are_those_of_the_quarters_the_period_overlaps()
    {
        var analyst = await story.Host.TokenAsync(null, BoardsRoles.MinistryAnalyst);

        // February 2026 is in 2026-Q1. P: (100 + 75 + 50 + 0) ÷ 4 = 56.25 → 56.3 over 4; 3 with a code of 10 slips, 30 %.
        // Q: a member's 100 on paper, no slips: no rate. The department: (225 + 100) ÷ 5 = 65 over 5, 3 of 10, 30 %.
        var month = await TableAsync("period=2026-02&department=1", analyst);
        Assert.Equal([story.P, story.Q], month.GetProperty("municipalities").EnumerateArray().Select(m => m.Str("code")));
        Assert.Equal(["2026-Q1"], month.GetProperty("pulseQuarters").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal((56.3m, 4, 30m, 3, 10), Pulse(Row(month, story.P)));
        Assert.Equal((100m, 1, (decimal?)null, 0, 0), Pulse(Row(month, story.Q)));
        Assert.Equal((65m, 5, 30m, 3, 10), Pulse(month.GetProperty("totals")));

        // 2026: Q1 and Q2. P: (225 + 50) ÷ 6 = 45.8; 5 of 14 slips, 35.7 %. Department: 375 ÷ 7 = 53.6, 35.7 %.
        var year = await TableAsync("period=2026&department=1", analyst);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], year.GetProperty("pulseQuarters").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal((45.8m, 6, 35.7m, 5, 14), Pulse(Row(year, story.P)));
        Assert.Equal((53.6m, 7, 35.7m, 5, 14), Pulse(year.GetProperty("totals")));

        // 2026-Q2: P's two 25s, 2 of 4 slips; Q nothing.
        var quarter = await TableAsync("period=2026-T2&department=1", analyst);
        Assert.Equal((25m, 2, 50m, 2, 4), Pulse(Row(quarter, story.P)));
        Assert.Equal(((decimal?)null, 0, (decimal?)null, 0, 0), Pulse(Row(quarter, story.Q)));

        // All time adds Q's 2025-Q4: Q (100 + 0) ÷ 2 = 50, 1 of 2. Department: 375 ÷ 8 = 46.9; 6 of 16 slips, 37.5 %.
        var allTime = await TableAsync("department=1", analyst);
        Assert.Equal(JsonValueKind.Null, allTime.GetProperty("pulseQuarters").ValueKind);
        Assert.Equal((50m, 2, 50m, 1, 2), Pulse(Row(allTime, story.Q)));
        Assert.Equal((46.9m, 8, 37.5m, 6, 16), Pulse(allTime.GetProperty("totals")));

        // Asunción's answers are in its own department's table, not Concepción's.
        var asuncion = await TableAsync("period=2026-Q1&department=0", analyst);
        Assert.Equal((100m, 2, 100m, 2, 2), Pulse(Row(asuncion, story.R)));
    }

    [Fact]
    public async Task The_csv_the_xlsx_and_the_monthly_report_carry_the_same_pulse_figures()
    {
        var analyst = await story.Host.TokenAsync(null, BoardsRoles.MinistryAnalyst);
        const string query = "period=2026-02&department=1";
        var spanish = CultureInfo.GetCultureInfo("es-PY");

        var csv = Encoding.UTF8.GetString(await GetAsync($"/api/monitoring/national/export.csv?{query}", analyst)).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(';')).ToList();
        Assert.Equal(["Índice de confianza (0–100)", "Respuestas de confianza", "Tasa de respuesta (%)", "Boletas impresas"], csv[0][^4..]);
        Assert.Equal(["56,3", "4", "30", "10"], csv.Single(c => c[0] == story.P)[^4..]);
        Assert.Equal(["100", "1", "", "0"], csv.Single(c => c[0] == story.Q)[^4..]);
        Assert.Equal(56.3, double.Parse(csv.Single(c => c[0] == story.P)[^4], spanish));

        using var document = SpreadsheetDocument.Open(new MemoryStream(await GetAsync($"/api/monitoring/national/export.xlsx?{query}", analyst)), isEditable: false);
        var workbook = document.WorkbookPart!;
        List<string[]> Sheet(string name)
        {
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
            return [.. ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => row.Elements<Cell>().Select(cell => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? "").ToArray())];
        }

        var municipalities = Sheet("Municipios");
        Assert.Equal(csv[0][^4..], municipalities[0][^4..]);
        Assert.Equal(["56.3", "4", "30", "10"], municipalities.Single(r => r[0] == story.P)[^4..]);
        Assert.Equal(["65", "5", "30", "10"], municipalities[^1][^4..]);
        Assert.Contains(Sheet("Filtros"), row => row.SequenceEqual(["Trimestres del pulso", "2026-Q1"]));

        var report = Encoding.UTF8.GetString(await GetAsync($"/api/monitoring/national/monthly-report?department=1&month=2026-02", analyst));
        Assert.Equal(["56,3 (4)", "30 %"], Cells(report, story.P)[^2..]);
        Assert.Equal(["100 (1)", "—"], Cells(report, story.Q)[^2..]);
        Assert.Equal(["65 (5)", "30 %"], Cells(report, "total")[^2..]);
        Assert.Contains("pulso del trimestre 2026-Q1", report, StringComparison.Ordinal);
    }

    private static string[] Cells(string html, string code)
    {
        var row = Regex.Match(html, $"<tr data-municipio=\"{Regex.Escape(code)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {code}");
        return [.. CellPattern().Matches(row.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
