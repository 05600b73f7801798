using Boards.BuildingBlocks.Import;
using Column = Boards.Needs.Features.ImportOffer.OfferImportColumns;

namespace Boards.Needs.Features.ImportOffer;

/// <summary>A catalog row that passed every check, with the line it came from.</summary>
public sealed record OfferImportRow(int Line, string Code, ValidOffer Offer);

/// <summary>
/// Checks an offer catalog file completely before anything is written: the header, every field of every row (with the
/// rules of <see cref="OfferValidator"/>, as POST and PUT enforce them) and codes repeated within the file.
/// </summary>
public static class OfferImportReader
{
    public static (List<OfferImportRow> Rows, List<ImportError> Errors) Read(CsvTable table, ImportCategories categories, Func<string, bool> isInstitution)
    {
        var errors = new List<ImportError>(table.Errors);
        var rows = new List<OfferImportRow>();
        var sheet = ImportSheet.Read(table, Column.Columns, errors, "servicios");
        if (sheet is null)
        {
            return (rows, errors);
        }

        var firstLineOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            var row = sheet.Row(record, errors);
            var fields = new FieldErrors();
            var code = OfferValidator.ServiceCode(fields, row.Text(Column.Code).ToLowerInvariant());
            var input = Input(row, categories);
            var offer = OfferValidator.Validate(fields, input, isInstitution, categories.Codes);
            row.AddFieldErrors(fields, Column.ColumnOfField);

            if (code is not null)
            {
                if (firstLineOfCode.TryGetValue(code, out var first))
                {
                    row.Error(Column.Code, $"El código '{code}' ya figura en la línea {first} del archivo: cada servicio va en una sola fila.");
                }
                else
                {
                    firstLineOfCode[code] = row.Line;
                }
            }

            if (row.Valid && code is not null && offer is not null)
            {
                rows.Add(new OfferImportRow(row.Line, code, offer));
            }
        }

        return (rows, sheet.InFileOrder(errors));
    }

    /// <summary>The row as the REST API's input, with Spanish values turned into API codes.</summary>
    private static ImportedOffer Input(ImportRowReader row, ImportCategories categories)
    {
        var channel = row.Choice(Column.Channel, Column.Channels, "Canal desconocido");
        if (channel is null && row.Text(Column.Channel).Length == 0)
        {
            row.Error(Column.Channel, $"Falta el canal de atención. Valores aceptados: {ImportText.Accepted(Column.Channels)}.");
        }

        var status = row.Choice(Column.CapacityStatus, Column.Statuses, "Estado de capacidad desconocido");
        if (status is null && row.Text(Column.CapacityStatus).Length == 0)
        {
            row.Error(Column.CapacityStatus, $"Falta el estado de la capacidad. Valores aceptados: {ImportText.Accepted(Column.Statuses)}.");
        }

        Domain.Offer.WaitlistBand? band = null;
        var bandText = row.Text(Column.WaitlistBand);
        if (status is not null && status != Domain.Offer.CapacityStatus.Waitlist && bandText.Length > 0)
        {
            row.Error(Column.WaitlistBand, "La espera solo se indica cuando el estado de la capacidad es lista_de_espera; deje la celda vacía.");
        }
        else if (status == Domain.Offer.CapacityStatus.Waitlist && bandText.Length == 0)
        {
            row.Error(Column.WaitlistBand, $"Con lista de espera, indique la espera aproximada. Valores aceptados: {ImportText.Accepted(Column.Bands)}.");
        }
        else
        {
            band = row.Choice(Column.WaitlistBand, Column.Bands, "Espera desconocida");
        }

        return new ImportedOffer
        {
            Name = row.Text(Column.Name),
            Program = row.Text(Column.Program),
            InstitutionCode = row.Text(Column.Institution),
            Categories = row.Text(Column.Categories)
                .Split(Column.CategorySeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(categories.Resolve)
                .ToList(),
            EligibilitySummary = row.Text(Column.Eligibility),
            Channel = channel?.Code() ?? row.Text(Column.Channel),
            MonthlyCapacity = row.Integer(Column.MonthlyCapacity),
            CapacityStatus = status?.Code() ?? row.Text(Column.CapacityStatus),
            WaitlistBand = band?.Code() ?? (status == Domain.Offer.CapacityStatus.Waitlist ? bandText : null),
        };
    }

    /// <summary>A row read as the fields of a catalog entry, checked by the same validator as POST and PUT.</summary>
    private sealed record ImportedOffer : OfferedServiceInput;
}
