using System.Globalization;
using CsvHelper;
using static Boards.Planning.Features.Common.PlanFormat;

namespace Boards.Planning.Features.ExportPlan;

/// <summary>
/// The plan as CSV for Spanish Excel: UTF-8 with BOM, ';' separator, Spanish headers, one row per action, numbers with
/// a decimal comma (es-PY) and dates as dd/MM/yyyy. A cell that a spreadsheet would run as a formula (starting with
/// = + - @) gets an apostrophe in front, so it shows as the text that was typed.
/// </summary>
public static class PlanCsv
{
    public static readonly string[] Headers =
    [
        "Objetivo", "Peso del objetivo", "Avance del objetivo (%)", "N.º", "Acción", "Horizonte", "Institución responsable",
        "Inicio", "Fin", "Presupuesto (Gs.)", "Peso de la acción", "Estado", "Avance (%)", "Motivo del avance", "Vencida",
        "Indicadores", "Acuerdo de la mesa",
    ];

    private static readonly CsvWriterOptions Spreadsheet = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static byte[] Write(PlanView plan)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Spreadsheet, leaveOpen: true))
        {
            csv.WriteRecord(Headers);
            foreach (var objective in plan.Objectives)
            {
                foreach (var a in objective.Actions)
                {
                    csv.WriteRecord(
                    [
                        $"{objective.Number}. {objective.Title}", Number(objective.Weight), objective.Progress is { } p ? Number(p) : "",
                        a.Number.ToString(CultureInfo.InvariantCulture), a.Title, a.HorizonLabel, a.ResponsibleInstitutionName,
                        Date(a.StartsOn), Date(a.EndsOn), a.Budget.ToString(CultureInfo.InvariantCulture), Number(a.Weight), a.StatusLabel,
                        Number(a.Progress), a.ProgressReason ?? "", a.Overdue ? "Sí" : "No", Indicators(a), a.AgreementId?.ToString() ?? "",
                    ]);
                }
            }
        }

        return output.ToArray();
    }
}
