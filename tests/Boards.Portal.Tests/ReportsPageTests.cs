using System.Net;
using System.Text.RegularExpressions;

namespace Boards.Portal.Tests;

/// <summary>
/// /ministerio/informes as the portal draws it from Monitoring's filtered national table (docs/monitoring.md, "Filters
/// and reports"), and its files fetched from Monitoring with the person's token: the filters go through as Monitoring
/// names them, the figures and the total are shown, and Monitoring's Spanish refusals reach the person.
/// </summary>
public sealed partial class ReportsPageTests : IClassFixture<SignedInPortalHost>
{
    private const string TableJson = """
        { "period": { "code": "2026-Q1", "kind": "quarter", "from": "2026-01-01", "to": "2026-03-31" },
          "department": { "number": 7, "name": "Itapúa" }, "cohort": null, "months": ["2026-01", "2026-02", "2026-03"],
          "municipalities": [
            { "code": "alto-vera", "name": "Alto Verá", "department": "Itapúa", "departmentNumber": 7, "cohort": "pilot-2021",
              "referrals": { "sent": 3, "open": 0, "accepted": 1, "rejected": 1, "completed": 1, "failed": 0, "cancelled": 1, "overdue": 0 },
              "closedLoopRate": 0.5,
              "months": [ { "month": "2026-01", "sent": 1, "closedLoop": 1, "cancelled": 0, "closedLoopRate": 1 },
                          { "month": "2026-02", "sent": 1, "closedLoop": 0, "cancelled": 0, "closedLoopRate": 0 },
                          { "month": "2026-03", "sent": 1, "closedLoop": 0, "cancelled": 1, "closedLoopRate": null } ],
              "focalPoint": { "appointed": true, "accessGranted": true, "access": "granted", "since": "2025-06-01" },
              "serviceDays": { "held": 1, "peopleServed": 50, "byInstitution": [ { "institution": "mspbs", "days": 1, "attentions": 40 } ] },
              "pulse": { "trust": { "value": 56.3, "answers": 4 }, "responseRate": 30.0, "answersWithCode": 3, "slipsPrinted": 10 } },
            { "code": "yatytay", "name": "Yatytay", "department": "Itapúa", "departmentNumber": 7, "cohort": "expansion-2025",
              "referrals": { "sent": 3, "open": 2, "accepted": 1, "rejected": 0, "completed": 0, "failed": 1, "cancelled": 0, "overdue": 1 },
              "closedLoopRate": 0.33, "months": [],
              "focalPoint": { "appointed": true, "accessGranted": false, "access": "no_account", "since": "2026-02-01" },
              "serviceDays": { "held": 0, "peopleServed": 0, "byInstitution": [] } } ],
          "totals": { "referrals": { "sent": 6, "open": 2, "accepted": 2, "rejected": 1, "completed": 1, "failed": 1, "cancelled": 1, "overdue": 1 },
                      "closedLoopRate": 0.4, "serviceDaysHeld": 1, "peopleServed": 50,
                      "pulse": { "trust": { "value": 65, "answers": 5 }, "responseRate": 30.0, "answersWithCode": 3, "slipsPrinted": 10 } },
          "pulseQuarters": ["2026-Q1"] }
        """;

    private readonly SignedInPortalHost host;

    public ReportsPageTests(SignedInPortalHost host)
    {
        this.host = host;
        host.Gateway.Reset();
    }

    [Fact]
    public async Task The_page_passes_the_filters_on_and_shows_each_municipality_the_total_and_the_links_to_its_files()
    {
        host.Gateway.Answer = r => r.StartsWith("GET /api/monitoring/national", StringComparison.Ordinal) ? (HttpStatusCode.OK, TableJson) : (HttpStatusCode.OK, "[]");

        var html = await host.NewClient("admin").GetStringAsync("/ministerio/informes?periodo=2026-T1&departamento=7");

        Assert.Single(host.Gateway.Asked("GET /api/monitoring/national?period=2026-T1&department=7"));
        Assert.Equal(["Alto Verá", "Itapúa", "pilot-2021", "3", "0", "0", "50 %", "1 · 1 · 1", "Sí", "1", "50", "MSPBS: 1 jornada(s), 40 atención(es)", "56,3", "4", "30 %"], Cells(html, "alto-vera"));
        Assert.Equal(["Yatytay", "Itapúa", "expansion-2025", "3", "2", "1", "33 %", "", "Designado, sin acceso", "0", "0", "", "—", "0", "—"], Cells(html, "yatytay"));
        Assert.Equal(["Total", "6", "2", "1", "40 %", "", "1 de 2", "1", "50", "", "65", "5", "30 %"], Cells(html, "total"));
        Assert.Contains("Confianza (0–100)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("/ministerio/informes/nacional.xlsx?periodo=2026-T1&departamento=7", Html.Attribute(Html.OpenTag(html, "report-xlsx"), "href"));
        Assert.Equal("/ministerio/informes/nacional.csv?periodo=2026-T1&departamento=7", Html.Attribute(Html.OpenTag(html, "report-csv"), "href"));
        // A quarter is not a month: the monthly report asks for one.
        Assert.False(Html.Has(html, "report-monthly"));
        Assert.Contains("elija un departamento y un mes", Html.Text(Html.Element(html, "report-monthly-hint")), StringComparison.Ordinal);
        Assert.Equal("Período: 2026-Q1 (01/01/2026 – 31/03/2026). Departamento: 7 · Itapúa. Cohorte: Todas las cohortes. Pulso de los trimestres 2026-Q1.", Html.Text(Html.Element(html, "report-scope")));
    }

    [Fact]
    public async Task With_a_department_and_a_month_the_page_links_the_printable_monthly_report_which_comes_from_monitoring()
    {
        host.Gateway.Answer = r => r.StartsWith("GET /api/monitoring/national/monthly-report", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, "<!DOCTYPE html><h1>Informe mensual</h1>")
            : r.StartsWith("GET /api/monitoring/national", StringComparison.Ordinal) ? (HttpStatusCode.OK, TableJson) : (HttpStatusCode.OK, "[]");
        var client = host.NewClient("admin");

        var html = await client.GetStringAsync("/ministerio/informes?periodo=2026-03&departamento=7");
        var link = Html.Attribute(Html.OpenTag(html, "report-monthly"), "href")!;
        using var report = await client.GetAsync(link);

        Assert.Equal("/ministerio/informes/mensual?departamento=7&mes=2026-03", link);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("Informe mensual", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(host.Gateway.Asked("GET /api/monitoring/national/monthly-report?department=7&month=2026-03"));
    }

    [Fact]
    public async Task The_files_are_fetched_from_monitoring_with_the_filters_and_a_refusal_reaches_the_person_in_spanish()
    {
        const string Problem = """{ "title": "La solicitud tiene datos inválidos.", "status": 400, "errors": { "period": ["Período desconocido: indique un año (2026)."] } }""";
        host.Gateway.Answer = r => r.Contains("period=2026-Q5", StringComparison.Ordinal) ? (HttpStatusCode.BadRequest, Problem)
            : r.StartsWith("GET /api/monitoring/national/export.xlsx", StringComparison.Ordinal) ? (HttpStatusCode.OK, "xlsx") : (HttpStatusCode.OK, "[]");
        var client = host.NewClient("admin");

        using var file = await client.GetAsync("/ministerio/informes/nacional.xlsx?periodo=2026-T1&cohorte=pilot-2021");
        using var refused = await client.GetAsync("/ministerio/informes/nacional.csv?periodo=2026-Q5");
        var page = await client.GetStringAsync("/ministerio/informes?periodo=2026-Q5");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Single(host.Gateway.Asked("GET /api/monitoring/national/export.xlsx?period=2026-T1&cohort=pilot-2021"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Período desconocido: indique un año (2026).", await refused.Content.ReadAsStringAsync());
        Assert.Equal("Período desconocido: indique un año (2026).", Html.Text(Html.Element(page, "error-period")));
        Assert.True(Html.Has(page, "periodo"));
    }

    /// <summary>The text of each cell of the row marked data-municipality="<paramref name="code"/>".</summary>
    private static string[] Cells(string html, string code)
    {
        var row = Regex.Match(html, $"<tr data-municipality=\"{Regex.Escape(code)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {code}");
        return [.. CellPattern().Matches(row.Groups[1].Value).Select(m => Html.Text(m.Value))];
    }

    [GeneratedRegex("<t[hd]\\b[^>]*>.*?</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
