using System.Globalization;
using Boards.Monitoring.Domain.Pulse;

namespace Boards.Monitoring.Features.ExportNationalTable;

/// <summary>One sheet of an export: a name, a Spanish header row, and rows of cells (text, int, double or empty).</summary>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// What the exports hold, in one place so the CSV and the workbook agree with each other and with the JSON: the
/// municipalities sheet (the CSV is this sheet without its total row), service days by institution, the monthly
/// trend, and the filters applied. Rates are percentages (the JSON's fraction × 100).
/// </summary>
public static class NationalSheets
{
    public const string MunicipalitiesSheet = "Municipios";
    public const string InstitutionsSheet = "Jornadas por institución";
    public const string TrendSheet = "Tendencia mensual";
    public const string FiltersSheet = "Filtros";

    public static readonly IReadOnlyList<string> MunicipalityHeaders =
    [
        "Código", "Municipio", "Departamento", "Cohorte", "Referencias enviadas", "Abiertas", "Aceptadas", "Rechazadas",
        "Completadas", "Fallidas", "Canceladas", "Vencidas", "Tasa de ciclo cerrado (%)", "Enlace designado con acceso",
        "Estado del enlace", "Jornadas", "Personas atendidas en jornadas", "Jornadas por institución",
        "Índice de confianza (0–100)", "Respuestas de confianza", "Tasa de respuesta (%)", "Boletas impresas",
    ];

    public static IReadOnlyList<ExportSheet> Workbook(NationalTable table, DateTimeOffset generatedAt) =>
    [
        new(MunicipalitiesSheet, MunicipalityHeaders, [.. table.Rows.Select(Municipality), Total(table)]),
        new(InstitutionsSheet, ["Código", "Municipio", "Institución", "Jornadas", "Atenciones"],
            [.. table.Rows.SelectMany(r => r.ServiceDays.ByInstitution.Select(i => Row(r.Code, r.Name, i.Institution.ToUpperInvariant(), i.Days, i.Attentions)))]),
        new(TrendSheet, ["Código", "Municipio", "Mes", "Referencias enviadas", "Ciclo cerrado", "Canceladas", "Tasa de ciclo cerrado (%)"],
            [.. table.Rows.SelectMany(r => r.Months.Select(m => Row(r.Code, r.Name, m.Month, m.Sent, m.ClosedLoop, m.Cancelled, Percent(m.ClosedLoopRate))))]),
        new(FiltersSheet, ["Filtro", "Valor"], Filters(table, generatedAt)),
    ];

    /// <summary>The municipalities sheet's rows without the total: the CSV.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> MunicipalityRows(NationalTable table) => [.. table.Rows.Select(Municipality)];

    private static IReadOnlyList<object?> Municipality(NationalRow r) =>
    [
        r.Code, r.Name, r.Department, r.Cohort,
        r.Referrals.Sent, r.Referrals.Open, r.Referrals.Accepted, r.Referrals.Rejected,
        r.Referrals.Completed, r.Referrals.Failed, r.Referrals.Cancelled, r.Referrals.Overdue,
        Percent(r.ClosedLoopRate), r.FocalPoint.AccessGranted ? "Sí" : "No", FocalPointText(r.FocalPoint),
        r.ServiceDays.Held, r.ServiceDays.PeopleServed,
        string.Join("; ", r.ServiceDays.ByInstitution.Select(i => $"{i.Institution.ToUpperInvariant()}: {i.Days} jornada(s), {i.Attentions} atención(es)")),
        .. Pulse(r.Pulse),
    ];

    /// <summary>The pulse's columns: trust index and its n, response rate, slips printed.</summary>
    private static object?[] Pulse(PeriodPulse pulse) =>
        [Number(pulse.Trust.Value), pulse.Trust.Answers, Number(pulse.ResponseRate), pulse.SlipsPrinted];

    private static double? Number(decimal? value) => value is { } v ? (double)v : null;

    private static IReadOnlyList<object?> Total(NationalTable table)
    {
        var t = table.Totals;
        return
        [
            "", "Total", "", "", t.Sent, t.Open, t.Accepted, t.Rejected, t.Completed, t.Failed, t.Cancelled, t.Overdue,
            Percent(table.TotalClosedLoopRate), $"{table.Rows.Count(r => r.FocalPoint.AccessGranted)} de {table.Rows.Count}", "",
            table.TotalServiceDays, table.TotalPeopleServed, "", .. Pulse(table.TotalPulse),
        ];
    }

    private static List<IReadOnlyList<object?>> Filters(NationalTable table, DateTimeOffset generatedAt) =>
    [
        Row("Período", table.Period is { } p ? $"{p.Code} ({p.FirstMonth:yyyy-MM-dd} a {p.LastDay:yyyy-MM-dd})" : "Todo el período"),
        Row("Departamento", table.Department is { } d ? $"{d} {table.DepartmentName}".TrimEnd() : "Todos"),
        Row("Cohorte", table.Cohort ?? "Todas"),
        Row("Trimestres del pulso", table.PulseQuarters is { } quarters ? string.Join(", ", quarters) : "Todos"),
        Row("Municipios", table.Rows.Count),
        Row("Generado", ParaguayCalendar.Today(generatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The focal point's state in Spanish.</summary>
    public static string FocalPointText(FocalPointStatus focalPoint) => !focalPoint.Appointed ? "Sin designar" : focalPoint.Access switch
    {
        FocalPointAccessCodes.Granted => "Designado, con acceso",
        "pending" => "Designado, acceso pendiente",
        "no_account" => "Designado, sin cuenta de usuario",
        "failed" => "Designado, no se pudo otorgar el acceso",
        "revoked" => "Acceso revocado",
        "superseded" => "Reemplazado por otra designación",
        _ => "Designado, acceso sin informar",
    };

    /// <summary>A rate 0–1 as a percentage with one decimal; null stays empty.</summary>
    public static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1, MidpointRounding.AwayFromZero) : null;

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
