using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>
/// The bytes of each file. The same input gives the same bytes (no time of generation, fixed order), so the ETag, a hash
/// of them, changes exactly when a figure does. CSV is RFC 4180: comma separated, point as the decimal mark, UTF-8
/// without a byte order mark, a header row of the dictionary's identifiers; a text starting with = + - @ gets an
/// apostrophe so that a spreadsheet never runs it as a formula.
/// </summary>
public static class OpenDataFormats
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Accents as they are (Itapúa, not Itap\u00FAa): people read these files too.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    private static readonly CsvWriterOptions Csv = new() { Separator = ',', WriteByteOrderMark = false, Injection = CsvInjection.Escape };

    public static byte[] ToJson<T>(T document) => JsonSerializer.SerializeToUtf8Bytes(document, Json);

    public static byte[] ToCsv(MonthDocument document) => Write(
        OpenDataVocabulary.Columns.Select(c => c.Id).ToArray(),
        document.Municipalities.SelectMany(m => m.Figures.Select(f => new[]
        {
            document.Month, m.Code, m.Name, m.Department, f.Indicator, f.Category ?? "", Number(f.Value), f.Status,
        })));

    public static byte[] ToCsv(PulseQuarterDocument document) => Write(
        OpenDataVocabulary.PulseColumns.Select(c => c.Id).ToArray(),
        document.Municipalities.SelectMany(m => m.Figures.Select(f => new[]
        {
            document.Quarter, m.Code, m.Name, m.Department, f.Indicator, f.AgeBand ?? "", Number(f.Value),
            f.Answers?.ToString(CultureInfo.InvariantCulture) ?? "", f.Status,
        })));

    public static byte[] ToCsv(IndexDocument document) => Write(
        ["municipio", "municipio_nombre", "departamento", "departamento_numero"],
        document.Municipalities.Select(m => new[] { m.Code, m.Name, m.Department, m.DepartmentNumber.ToString(CultureInfo.InvariantCulture) }));

    public static byte[] ToCsv(DictionaryDocument document) => Write(
        ["seccion", "identificador", "unidad", "descripcion"],
        document.Columns.Select(t => Row("columna", t))
            .Concat(document.Indicators.Select(t => Row("indicador", t)))
            .Concat(document.Statuses.Select(t => Row("estado", t)))
            .Concat(document.PulseColumns.Select(t => Row("columna_pulso", t)))
            .Concat(document.AgeBands.Select(t => Row("rango_edad", t))));

    private static string[] Row(string section, Term term) => [section, term.Id, term.Unit, term.Description];

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static byte[] Write(string[] header, IEnumerable<string[]> rows)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Csv, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }

        return output.ToArray();
    }
}
