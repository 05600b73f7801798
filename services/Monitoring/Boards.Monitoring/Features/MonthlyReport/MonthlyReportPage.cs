using System.Globalization;
using System.Text;
using Boards.Monitoring.Domain.Pulse;
using Boards.Monitoring.Features.ExportNationalTable;

namespace Boards.Monitoring.Features.MonthlyReport;

/// <summary>
/// A department's monthly report as a printable Spanish HTML page (A4 landscape): each municipality's referrals created
/// in the month, its focal point, its service days and each institution's part in them, and the department's totals.
/// The figures are the filtered national table's, so they match the JSON and the exports.
/// </summary>
public static class MonthlyReportPage
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PY");

    public static string Render(NationalTable report, DateTimeOffset generatedAt)
    {
        var month = report.Period!.FirstMonth.ToString("MMMM 'de' yyyy", Spanish);
        var department = report.DepartmentName is { Length: > 0 } name ? name : $"departamento {report.Department}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\">")
            .Append("<title>Informe mensual — ").Append(E(department)).Append(" — ").Append(E(month)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;font-size:10pt;margin:1.5cm}table{border-collapse:collapse;width:100%;margin-bottom:1em}")
            .Append("th,td{border:1px solid #444;padding:3px 5px;vertical-align:top}th{background:#eee;text-align:left}td.num{text-align:right}")
            .Append("tfoot td{font-weight:bold}.nota{color:#333;font-size:9pt}")
            .Append("@media print{@page{size:A4 landscape;margin:1cm}body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}}</style></head><body>");
        html.Append("<h1>Informe mensual de las mesas de protección social</h1>")
            .Append("<p><strong>Departamento:</strong> <span id=\"departamento\">").Append(E(department)).Append("</span> — <strong>Mes:</strong> <span id=\"mes\">")
            .Append(E(month)).Append("</span> (").Append(report.Period.FirstMonth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(" al ")
            .Append(report.Period.LastDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append("). Municipios: ").Append(report.Rows.Count)
            .Append(". Emitido el ").Append(ParaguayCalendar.Today(generatedAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(".</p>");
        if (report.Rows.Count == 0)
        {
            html.Append("<p id=\"sin-municipios\">No hay municipios de este departamento en su alcance.</p></body></html>");
            return html.ToString();
        }

        Municipalities(html, report);
        Institutions(html, report);
        html.Append("<p class=\"nota\">Las referencias cuentan en el mes en que se crearon, por municipio de origen; abiertas, vencidas y cerradas ")
            .Append("describen su estado al emitir el informe. Tasa de ciclo cerrado = (completadas + fallidas) ÷ (enviadas − canceladas). ")
            .Append("El enlace se muestra como está hoy. Las jornadas cuentan por su fecha. La confianza (0 a 100, con su número de respuestas) ")
            .Append("y la tasa de respuesta (respuestas con código ÷ boletas impresas) son las del pulso del trimestre ").Append(E(string.Join(", ", report.PulseQuarters ?? [])))
            .Append(", que incluye el mes.</p></body></html>");
        return html.ToString();
    }

    private static void Municipalities(StringBuilder html, NationalTable report)
    {
        html.Append("<h2>Referencias, enlace y jornadas por municipio</h2><table id=\"municipios\"><thead><tr><th>Municipio</th><th>Cohorte</th>")
            .Append("<th>Enviadas</th><th>Abiertas</th><th>Aceptadas</th><th>Rechazadas</th><th>Completadas</th><th>Fallidas</th><th>Canceladas</th>")
            .Append("<th>Vencidas</th><th>Ciclo cerrado</th><th>Enlace</th><th>Jornadas</th><th>Personas atendidas</th>")
            .Append("<th>Confianza del trimestre (respuestas)</th><th>Tasa de respuesta del trimestre</th></tr></thead><tbody>");
        foreach (var r in report.Rows)
        {
            html.Append("<tr data-municipio=\"").Append(E(r.Code)).Append("\"><td>").Append(E(r.Name)).Append("</td><td>").Append(E(r.Cohort)).Append("</td>");
            Counts(html, r.Referrals, r.ClosedLoopRate);
            html.Append("<td>").Append(E(NationalSheets.FocalPointText(r.FocalPoint))).Append("</td>")
                .Append(Num(r.ServiceDays.Held)).Append(Num(r.ServiceDays.PeopleServed));
            Pulse(html, r.Pulse);
            html.Append("</tr>");
        }

        html.Append("</tbody><tfoot><tr data-municipio=\"total\"><td colspan=\"2\">Total del departamento</td>");
        Counts(html, report.Totals, report.TotalClosedLoopRate);
        html.Append("<td>").Append(report.Rows.Count(r => r.FocalPoint.AccessGranted)).Append(" de ").Append(report.Rows.Count).Append(" con acceso</td>")
            .Append(Num(report.TotalServiceDays)).Append(Num(report.TotalPeopleServed));
        Pulse(html, report.TotalPulse);
        html.Append("</tr></tfoot></table>");
    }

    /// <summary>The trust index with its n, and the response rate, of the month's quarter.</summary>
    private static void Pulse(StringBuilder html, PeriodPulse pulse) =>
        html.Append("<td class=\"num\">").Append(pulse.Trust.Value is { } trust ? trust.ToString("0.#", Spanish) : "—")
            .Append(" (").Append(pulse.Trust.Answers.ToString(Spanish)).Append(")</td>")
            .Append("<td class=\"num\">").Append(pulse.ResponseRate is { } rate ? rate.ToString("0.#", Spanish) + " %" : "—").Append("</td>");

    private static void Institutions(StringBuilder html, NationalTable report)
    {
        html.Append("<h2>Jornadas por institución</h2>");
        var rows = report.Rows.SelectMany(r => r.ServiceDays.ByInstitution.Select(i => (r.Name, i))).ToList();
        if (rows.Count == 0)
        {
            html.Append("<p id=\"sin-jornadas\">No se informaron jornadas en el mes.</p>");
            return;
        }

        html.Append("<table id=\"instituciones\"><thead><tr><th>Municipio</th><th>Institución</th><th>Jornadas</th><th>Atenciones</th></tr></thead><tbody>");
        foreach (var (municipality, institution) in rows)
        {
            html.Append("<tr><td>").Append(E(municipality)).Append("</td><td>").Append(E(institution.Institution.ToUpperInvariant())).Append("</td>")
                .Append(Num(institution.Days)).Append(Num(institution.Attentions)).Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Counts(StringBuilder html, ReferralCounts c, double? rate) =>
        html.Append(Num(c.Sent)).Append(Num(c.Open)).Append(Num(c.Accepted)).Append(Num(c.Rejected)).Append(Num(c.Completed))
            .Append(Num(c.Failed)).Append(Num(c.Cancelled)).Append(Num(c.Overdue))
            .Append("<td class=\"num\">").Append(NationalSheets.Percent(rate) is { } p ? p.ToString("0.#", Spanish) + " %" : "—").Append("</td>");

    private static string Num(int value) => $"<td class=\"num\">{value.ToString(Spanish)}</td>";

    /// <summary>Escapes markup only: the page is UTF-8, so Spanish letters stay readable in the source.</summary>
    private static string E(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
