using System.Text;

namespace Boards.Planning.Tests.Integration;

/// <summary>The CSV for Spanish Excel and the printable page.</summary>
public sealed class ExportTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task The_csv_is_utf8_with_bom_semicolons_and_spanish_headers_and_the_print_page_is_spanish_html()
    {
        var municipality = await host.NewMunicipalityAsync("Villa Exportación");
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Seguridad alimentaria; nutrición");
        var action = await client.AddActionAsync(planId, objective, "Huertas \"familiares\"", 1.5m);
        await client.ReportOkAsync(planId, action, "in_progress", 62.5m, "Avance medido en campo");

        using var csv = await client.GetAsync($"/api/plans/{planId}/export.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Objetivo;Peso del objetivo;Avance del objetivo (%);N.º;Acción;Horizonte;Institución responsable;Inicio;Fin;Presupuesto (Gs.)", lines[0]);
        Assert.Equal(2, lines.Length);
        var cells = lines[1].Split(';');
        Assert.Equal("\"1. Seguridad alimentaria", cells[0]);
        Assert.Contains("\"Huertas \"\"familiares\"\"\"", lines[1]);
        Assert.Contains(";Corto plazo;Ministerio de Desarrollo Social;01/03/2026;31/12/2099;15000000;1,5;En ejecución;62,5;Avance medido en campo;No;", lines[1]);

        using var print = await client.GetAsync($"/api/plans/{planId}/print");
        var html = await print.Content.ReadAsStringAsync();
        Assert.Equal("text/html", print.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"es\">", html);
        Assert.Contains("Plan de Acción Territorial 2026", html);
        Assert.Contains("Mesa de Protección Social de Villa Exportación", html);
        Assert.Contains("Huertas &quot;familiares&quot;", html);
        Assert.Contains("15.000.000", html);
        Assert.Contains("Familias inscriptas", html);
        Assert.Contains("En ejecución", html);
    }

    [Fact]
    public async Task A_cell_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        var municipality = await host.NewMunicipalityAsync("Villa Fórmula");
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "=HYPERLINK(\"http://evil.example\";\"clic\")");
        var action = await client.AddActionAsync(planId, objective, "+1+cmd|' /C calc'!A0");
        await client.ReportOkAsync(planId, action, "in_progress", 10m, "@SUM(1+1)*cmd|' /C calc'!A0");
        await client.AddActionAsync(planId, objective, "-2+3");

        using var csv = await client.GetAsync($"/api/plans/{planId}/export.csv");
        var text = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            foreach (var cell in line.Split(';').Select(c => c.TrimStart('"')))
            {
                Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0]), $"La celda '{cell}' se ejecutaría como fórmula.");
            }
        }

        Assert.Contains("'+1+cmd|' /C calc'!A0", text);
        Assert.Contains("'@SUM(1+1)*cmd|' /C calc'!A0", text);
        Assert.Contains("'-2+3", text);
    }
}
