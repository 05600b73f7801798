using System.Globalization;
using System.Text;

namespace Boards.Planning.Features.PrintPlan;

/// <summary>The PAT as a printable Spanish HTML page, the way boards send it to the Social Cabinet.</summary>
public static class PlanPrintPage
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PY");

    public static string Render(PlanView plan)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(E(plan.Title)).Append(" — ").Append(E(plan.MunicipalityName)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;font-size:11pt;margin:1.5cm}table{border-collapse:collapse;width:100%;margin-bottom:1em}")
            .Append("th,td{border:1px solid #444;padding:4px;vertical-align:top}th{background:#eee}.vencida{color:#b00;font-weight:bold}")
            .Append("@media print{@page{size:A4 landscape}}</style></head><body>");
        html.Append("<h1>Plan de Acción Territorial ").Append(plan.Year).Append("</h1>")
            .Append("<p><strong>Mesa de Protección Social de ").Append(E(plan.MunicipalityName)).Append("</strong> — ").Append(E(plan.Title)).Append("</p>")
            .Append("<p>Versión ").Append(plan.Version).Append(plan.Status == "approved"
                ? $" aprobada por la mesa el {plan.ApprovedAt?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
                : " en borrador (sin aprobar)")
            .Append(". Avance del plan: <strong>").Append(Number(plan.Progress)).Append(" %</strong>. Acciones: ").Append(plan.ActionCount)
            .Append(", cumplidas: ").Append(plan.DoneActions).Append(", vencidas: ").Append(plan.OverdueActions)
            .Append(". Situación al ").Append(plan.AsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(".</p>")
            .Append("<p><em>").Append(E(plan.RollupRule)).Append("</em></p>");

        foreach (var objective in plan.Objectives)
        {
            html.Append("<h2>Objetivo ").Append(objective.Number).Append(": ").Append(E(objective.Title)).Append("</h2>")
                .Append("<p>Peso ").Append(Number(objective.Weight)).Append(" — avance ")
                .Append(objective.Progress is { } p ? Number(p) + " %" : "sin acciones que cuenten").Append("</p>");
            if (objective.Needs.Count > 0)
            {
                html.Append("<p>Necesidades priorizadas: ").Append(string.Join("; ", objective.Needs.Select(n =>
                    E($"n.º {n.Rank?.ToString(CultureInfo.InvariantCulture) ?? "?"} {n.Category} en {n.Locality}")))).Append("</p>");
            }

            html.Append("<table><thead><tr><th>N.º</th><th>Acción</th><th>Horizonte</th><th>Responsable</th><th>Inicio</th><th>Fin</th>")
                .Append("<th>Presupuesto (Gs.)</th><th>Indicadores</th><th>Estado</th><th>Avance</th><th>Peso</th></tr></thead><tbody>");
            foreach (var a in objective.Actions)
            {
                html.Append("<tr><td>").Append(a.Number).Append("</td><td>").Append(E(a.Title)).Append("</td><td>").Append(E(a.HorizonLabel))
                    .Append("</td><td>").Append(E(a.ResponsibleInstitutionName)).Append("</td><td>").Append(PlanFormat.Date(a.StartsOn))
                    .Append("</td><td").Append(a.Overdue ? " class=\"vencida\"" : "").Append('>').Append(PlanFormat.Date(a.EndsOn)).Append(a.Overdue ? " (vencida)" : "")
                    .Append("</td><td>").Append(a.Budget.ToString("N0", Spanish)).Append("</td><td>").Append(E(PlanFormat.Indicators(a)))
                    .Append("</td><td>").Append(E(a.StatusLabel)).Append("</td><td>").Append(Number(a.Progress)).Append(" %")
                    .Append(a.ProgressReason is { } reason ? $"<br><small>{E(reason)}</small>" : "")
                    .Append("</td><td>").Append(Number(a.Weight)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<p>Firmas de los miembros de la mesa:</p><p>&nbsp;</p></body></html>");
        return html.ToString();
    }

    /// <summary>Escapes markup only: the page is UTF-8, so Spanish letters stay readable in the source.</summary>
    private static string E(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Number(decimal value) => value.ToString("0.##", Spanish);
}
