using System.Globalization;
using CsvHelper;

namespace Boards.Portal.Ministry;

/// <summary>
/// The ministry's national table: its columns, the server-side sort (<c>?orden=&amp;dir=</c>), the figures as shown, and
/// the CSV export. One place, so the page and the CSV agree.
/// </summary>
public static class NationalTable
{
    /// <summary>A column: its query-string key, its resource key, and how it sorts (null sorts last, either way).</summary>
    public sealed record Column(string Key, string LabelKey, bool Numeric, Func<MunicipalitySummaryView, IComparable?> SortBy);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("municipio", "National.Col.Municipality", false, m => m.Name),
        new("departamento", "National.Col.Department", false, m => m.Department),
        new("abiertas", "National.Col.Open", true, m => m.Referrals.Open),
        new("vencidas", "National.Col.Overdue", true, m => m.Referrals.Overdue),
        new("ciclo", "National.Col.ClosedLoop", true, m => m.ClosedLoopRate),
        new("mediana", "National.Col.MedianDays", true, m => m.MedianDaysToCounterReferral),
        new("representatividad", "National.Col.Representativity", true, m => m.Representativity?.Score),
        new("brecha", "National.Col.TopGap", true, m => m.TopGap?.UnmetDemand),
        new("sesiones90", "National.Col.Sessions90", true, m => m.Sessions?.Last90Days),
        new("pat", "National.Col.Plan", true, m => m.Plan?.Progress),
        new("jornadas", "National.Col.ServiceDays", true, m => m.ServiceDays?.Held),
        new("jornadas90", "National.Col.ServiceDays90", true, m => m.ServiceDays?.Last90Days.Held),
    ];

    public static Column? Find(string? key) => Columns.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Numbers first descending (the largest problem on top), text ascending, unless asked.</summary>
    public static bool DefaultDescending(Column column) => column.Numeric;

    /// <summary>Sorted by the column; no column keeps Monitoring's order (department, then name). Missing values last.</summary>
    public static List<MunicipalitySummaryView> Sort(IEnumerable<MunicipalitySummaryView> rows, Column? column, bool descending)
    {
        var list = rows.ToList();
        if (column is null)
        {
            return list;
        }

        var text = StringComparer.Create(CultureInfo.GetCultureInfo("es-PY"), CompareOptions.IgnoreCase);
        var withValue = list.Where(m => column.SortBy(m) is not null).ToList();
        var without = list.Where(m => column.SortBy(m) is null).ToList();
        Comparison<MunicipalitySummaryView> compare = column.Numeric
            ? (a, b) => column.SortBy(a)!.CompareTo(column.SortBy(b))
            : (a, b) => text.Compare((string)column.SortBy(a)!, (string)column.SortBy(b)!);
        var ordered = descending
            ? withValue.OrderByDescending(m => m, Comparer<MunicipalitySummaryView>.Create(compare))
            : withValue.OrderBy(m => m, Comparer<MunicipalitySummaryView>.Create(compare));
        return [.. ordered.ThenBy(m => m.Name, text), .. without];
    }

    /// <summary>A rate 0–1 as a percentage ("40 %"), in the culture's digits.</summary>
    public static string Percent(double? rate, CultureInfo culture) =>
        rate is { } r ? (r * 100).ToString("0.#", culture) + " %" : "—";

    public static string Number(double? value, CultureInfo culture) => value is { } v ? v.ToString("0.##", culture) : "—";

    public static string Number(decimal? value, CultureInfo culture) => value is { } v ? v.ToString("0.#", culture) : "—";

    /// <summary>
    /// The CSV export: UTF-8 with a BOM, ';' between fields, Spanish headers and decimal commas (es-PY), as a spreadsheet
    /// in Paraguay opens it. A cell starting with = + - @ would be a formula there: CsvHelper puts an apostrophe in front.
    /// </summary>
    public static byte[] Csv(IEnumerable<MunicipalitySummaryView> rows)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Spreadsheet, leaveOpen: true))
        {
            csv.WriteRecord(CsvHeaders);
            foreach (var m in rows)
            {
                csv.WriteRecord(CsvRecord(m));
            }
        }

        return output.ToArray();
    }

    private static readonly CsvWriterOptions Spreadsheet = new() { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    private static readonly string[] CsvHeaders =
    [
        "Código", "Municipio", "Departamento", "Referencias enviadas", "Abiertas", "Vencidas", "Tasa de ciclo cerrado (%)",
        "Mediana de días a la contrarreferencia", "Representatividad (0-100)", "Mayor brecha", "Demanda no cubierta (mayor brecha)", "Mayores brechas (hasta 3)",
        "Sesiones de la mesa en los últimos 90 días", "Última sesión de la mesa",
        "Año del PAT", "Avance del PAT (%)", "Jornadas realizadas", "Jornadas en los últimos 90 días",
    ];

    private static string[] CsvRecord(MunicipalitySummaryView m)
    {
        var es = CultureInfo.GetCultureInfo("es-PY");
        return
        [
            m.Code, m.Name, m.Department,
            m.Referrals.Sent.ToString(es), m.Referrals.Open.ToString(es), m.Referrals.Overdue.ToString(es),
            m.ClosedLoopRate is { } rate ? (rate * 100).ToString("0.#", es) : "",
            m.MedianDaysToCounterReferral?.ToString("0.##", es) ?? "",
            m.Representativity?.Score.ToString("0.#", es) ?? "",
            m.TopGap?.CategoryName ?? "", m.TopGap?.UnmetDemand.ToString(es) ?? "",
            string.Join(", ", m.Gaps?.Top.Take(3).Select(g => $"{g.CategoryName} ({g.UnmetDemand.ToString(es)})") ?? []),
            m.Sessions?.Last90Days.ToString(es) ?? "", m.Sessions?.LastSessionOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            m.Plan?.Year.ToString(es) ?? "", m.Plan?.Progress.ToString("0.#", es) ?? "",
            m.ServiceDays?.Held.ToString(es) ?? "", m.ServiceDays?.Last90Days.Held.ToString(es) ?? "",
        ];
    }
}
