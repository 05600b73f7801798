using System.Text.RegularExpressions;

namespace Boards.Portal.Ministry.Reports;

/// <summary>
/// The filters of /ministerio/informes as the page's query string has them (periodo, departamento, cohorte), and the
/// same filters as Monitoring's query string (period, department, cohort). Monitoring checks them; the portal only
/// passes them on.
/// </summary>
public sealed partial record ReportFilters(string? Periodo, string? Departamento, string? Cohorte)
{
    /// <summary>Department numbers in the national order, with their names (domain.md, "Municipalities").</summary>
    public static readonly IReadOnlyList<(int Number, string Name)> Departments =
    [
        (0, "Asunción"), (1, "Concepción"), (2, "San Pedro"), (3, "Cordillera"), (4, "Guairá"), (5, "Caaguazú"), (6, "Caazapá"),
        (7, "Itapúa"), (8, "Misiones"), (9, "Paraguarí"), (10, "Alto Paraná"), (11, "Central"), (12, "Ñeembucú"), (13, "Amambay"),
        (14, "Canindeyú"), (15, "Presidente Hayes"), (16, "Boquerón"), (17, "Alto Paraguay"),
    ];

    /// <summary>The programme's cohorts as the registry names them, with the label a person reads.</summary>
    public static readonly IReadOnlyList<(string Code, string LabelKey)> Cohorts =
    [
        ("pilot-2021", "Reports.Cohort.Pilot2021"),
        ("expansion-2025", "Reports.Cohort.Expansion2025"),
    ];

    public string ApiQuery => Query(("period", Periodo), ("department", Departamento), ("cohort", Cohorte));

    public string PortalQuery => Query(("periodo", Periodo), ("departamento", Departamento), ("cohorte", Cohorte));

    /// <summary>The department's monthly report, when a department and a month ("2026-03") are chosen.</summary>
    public string? MonthlyReportUrl =>
        !string.IsNullOrWhiteSpace(Departamento) && Periodo is { } period && MonthPattern().IsMatch(period.Trim())
            ? "/ministerio/informes/mensual?" + Query(("departamento", Departamento), ("mes", period))
            : null;

    public static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}"));

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
