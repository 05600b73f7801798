using Boards.BuildingBlocks.Import;
using Column = Boards.Needs.Features.ImportNeeds.NeedImportColumns;

namespace Boards.Needs.Features.ImportNeeds;

/// <summary>A need row that passed every check, with the line it came from.</summary>
public sealed record NeedImportRow(int Line, ValidNeed Need);

/// <summary>
/// Checks a needs file completely before anything is written: the header and every field of every row, with the rules
/// of <see cref="NeedValidator"/> (as POST /api/needs/rounds/{id}/needs enforces them).
/// </summary>
public static class NeedImportReader
{
    public static (List<NeedImportRow> Rows, List<ImportError> Errors) Read(CsvTable table, ImportCategories categories)
    {
        var errors = new List<ImportError>(table.Errors);
        var rows = new List<NeedImportRow>();
        var sheet = ImportSheet.Read(table, Column.Columns, errors, "necesidades");
        if (sheet is null)
        {
            return (rows, errors);
        }

        foreach (var record in table.Records)
        {
            var row = sheet.Row(record, errors);
            var group = row.Choice(Column.PopulationGroup, Column.Groups, "Grupo poblacional desconocido");
            if (group is null && row.Text(Column.PopulationGroup).Length == 0)
            {
                row.Error(Column.PopulationGroup, $"Falta el grupo poblacional. Valores aceptados: {ImportText.Accepted(Column.Groups)}.");
            }

            var source = row.Choice(Column.EvidenceSource, Column.Sources, "Fuente de evidencia desconocida");
            if (source is null && row.Text(Column.EvidenceSource).Length == 0)
            {
                row.Error(Column.EvidenceSource, $"Falta la fuente de la evidencia. Valores aceptados: {ImportText.Accepted(Column.Sources)}.");
            }

            var input = new NeedInput
            {
                Category = categories.Resolve(row.Text(Column.Category)),
                Locality = row.Text(Column.Locality),
                PopulationGroup = group?.Code() ?? row.Text(Column.PopulationGroup),
                PeopleAffected = row.Integer(Column.PeopleAffected),
                Severity = row.Integer(Column.Severity),
                EvidenceSource = source?.Code() ?? row.Text(Column.EvidenceSource),
                EvidenceNotes = row.Text(Column.Notes),
            };
            var fields = new FieldErrors();
            var need = NeedValidator.Validate(fields, input, categories.Codes);
            row.AddFieldErrors(fields, Column.ColumnOfField);

            if (row.Valid && need is not null)
            {
                rows.Add(new NeedImportRow(row.Line, need));
            }
        }

        return (rows, sheet.InFileOrder(errors));
    }
}
