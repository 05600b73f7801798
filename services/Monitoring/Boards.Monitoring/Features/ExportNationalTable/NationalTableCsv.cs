using System.Globalization;
using System.Text;

namespace Boards.Monitoring.Features.ExportNationalTable;

/// <summary>
/// The municipalities sheet as CSV, the dialect a spreadsheet in Paraguay opens: UTF-8 with a BOM, ';' between fields,
/// decimal commas (es-PY), CRLF. A text cell starting with = + - @ would run as a formula there, so it gets an
/// apostrophe in front (like the portal's CSV).
/// </summary>
public static class NationalTableCsv
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PY");

    public static byte[] Write(NationalTable table)
    {
        var text = new StringBuilder();
        Line(text, NationalSheets.MunicipalityHeaders);
        foreach (var row in NationalSheets.MunicipalityRows(table))
        {
            Line(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(';', cells.Select(Field));
        text.Append("\r\n");
    }

    private static string Field(object? cell) => cell switch
    {
        null => "",
        int number => number.ToString(Spanish),
        double number => number.ToString("0.#", Spanish),
        string value => Quote(value is [ '=' or '+' or '-' or '@', .. ] ? "'" + value : value),
        _ => Quote(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 || value.StartsWith('\'') ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
