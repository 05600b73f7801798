using Boards.Testing;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Boards.Monitoring.Tests.Integration.NationalTable;

/// <summary>
/// The exports of the filtered table: the .xlsx opens with the Open XML SDK's reader, validates against the schema,
/// and holds in its cells the figures of the JSON, which the CSV holds too.
/// </summary>
public sealed class NationalExportTests(TokenMonitoringHost host) : IClassFixture<TokenMonitoringHost>
{
    private const string Query = "period=2026-Q1&department=9";
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PY");

    private static readonly string[] Counts = ["sent", "open", "accepted", "rejected", "completed", "failed", "cancelled", "overdue"];

    private async Task<(byte[] Body, HttpResponseMessage Response)> DownloadAsync(string path, string token)
    {
        using var client = host.Client(token);
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return (body, response);
    }

    [Fact]
    public async Task The_xlsx_opens_with_the_open_xml_reader_and_its_cells_hold_the_figures_of_the_json_and_the_csv()
    {
        var story = new TwoDepartments(9, "Paraguarí", 10, "Alto Paraná");
        await story.SeedAsync(host);
        var analyst = await host.TokenAsync(null, BoardsRoles.MinistryAnalyst);
        var (json, _) = await DownloadAsync($"/api/monitoring/national?{Query}", analyst);
        var table = JsonDocument.Parse(json).RootElement;
        var (xlsx, xlsxResponse) = await DownloadAsync($"/api/monitoring/national/export.xlsx?{Query}", analyst);
        var (csv, csvResponse) = await DownloadAsync($"/api/monitoring/national/export.csv?{Query}", analyst);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("municipios-2026-Q1-departamento-9.xlsx", xlsxResponse.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("municipios-2026-Q1-departamento-9.csv", csvResponse.Content.Headers.ContentDisposition?.FileNameStar);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheets = Sheets(document);
        Assert.Equal(["Municipios", "Jornadas por institución", "Tendencia mensual", "Filtros"], sheets.Keys);

        var municipalities = sheets["Municipios"];
        Assert.Equal(
            ["Código", "Municipio", "Departamento", "Cohorte", "Referencias enviadas", "Abiertas", "Aceptadas", "Rechazadas", "Completadas",
             "Fallidas", "Canceladas", "Vencidas", "Tasa de ciclo cerrado (%)", "Enlace designado con acceso", "Estado del enlace", "Jornadas",
             "Personas atendidas en jornadas", "Jornadas por institución", "Índice de confianza (0–100)", "Respuestas de confianza",
             "Tasa de respuesta (%)", "Boletas impresas"],
            municipalities[0]);
        var csvLines = Encoding.UTF8.GetString(csv.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal(string.Join(';', municipalities[0]), csvLines[0]);

        var rows = table.GetProperty("municipalities").EnumerateArray().ToList();
        Assert.Equal([story.A, story.B], rows.Select(r => r.Str("code")));
        Assert.Equal(rows.Count + 2, municipalities.Count); // header, one per municipality, total
        Assert.Equal(rows.Count + 1, csvLines.Length);      // header, one per municipality
        foreach (var (row, index) in rows.Select((row, index) => (row, index)))
        {
            var cells = municipalities[index + 1];
            var csvCells = csvLines[index + 1].Split(';');
            var expected = Figures(row.GetProperty("referrals"), row);
            Assert.Equal(new string[] { row.Str("code"), row.Str("name"), row.Str("department"), row.Str("cohort") }, cells[..4]);
            Assert.Equal(expected, cells[4..13].Select(Number));
            Assert.Equal(expected, csvCells[4..13].Select(c => c.Length == 0 ? (double?)null : double.Parse(c, Spanish)));
            Assert.Equal(row.GetProperty("focalPoint").GetProperty("accessGranted").GetBoolean() ? "Sí" : "No", cells[13]);
            Assert.Equal(cells[13], csvCells[13]);
            Assert.Equal(new double?[] { row.GetProperty("serviceDays").Int("held"), row.GetProperty("serviceDays").Int("peopleServed") }, cells[15..17].Select(Number));
        }

        // By hand (see NationalTableFilterTests): A 3 sent, 50 %; B 3 sent, 33 %; the department 6 sent, 40 %.
        Assert.Equal(new double?[] { 3, 50 }, new[] { Number(municipalities[1][4]), Number(municipalities[1][12]) });
        Assert.Equal(new double?[] { 3, 33 }, new[] { Number(municipalities[2][4]), Number(municipalities[2][12]) });
        var total = municipalities[^1];
        Assert.Equal("Total", total[1]);
        Assert.Equal(Figures(table.GetProperty("totals").GetProperty("referrals"), table.GetProperty("totals")), total[4..13].Select(Number));
        Assert.Equal(new double?[] { 6, 2, 2, 1, 1, 1, 1, 0, 40 }, total[4..13].Select(Number));
        Assert.Equal("1 de 2", total[13]);

        var institutions = rows.SelectMany(r => r.GetProperty("serviceDays").GetProperty("byInstitution").EnumerateArray()
            .Select(i => new string[] { r.Str("code"), r.Str("name"), i.Str("institution").ToUpperInvariant(), i.Int("days").ToString(CultureInfo.InvariantCulture), i.Int("attentions").ToString(CultureInfo.InvariantCulture) }));
        Assert.Equal(institutions, sheets["Jornadas por institución"].Skip(1));
        Assert.Equal(new[] { new string[] { story.A, "Alto Verá", "MSPBS", "1", "40" }, new string[] { story.A, "Alto Verá", "MEC", "1", "15" } },
            sheets["Jornadas por institución"].Skip(1).Take(2));
        Assert.Equal(6, sheets["Tendencia mensual"].Count - 1); // 2 municipalities × 3 months
    }

    /// <summary>The nine figures in the sheet's order: the eight counts, then the rate as a percentage.</summary>
    private static double?[] Figures(JsonElement referrals, JsonElement withRate) =>
    [
        .. Counts.Select(name => (double?)referrals.Int(name)),
        withRate.GetProperty("closedLoopRate") is { ValueKind: JsonValueKind.Number } rate ? Math.Round(rate.GetDouble() * 100, 1) : (double?)null,
    ];

    private static double? Number(string? cell) => string.IsNullOrEmpty(cell) ? null : double.Parse(cell, CultureInfo.InvariantCulture);

    /// <summary>Every sheet's cells as text, row by row, in workbook order (numbers as the file stores them, empty cells "").</summary>
    private static Dictionary<string, List<string[]>> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<string[]>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            result[sheet.Name!.Value!] = [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => row.Elements<Cell>().Select(cell => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text ?? "").ToArray())];
        }

        return result;
    }
}
