using System.Globalization;
using System.Text.RegularExpressions;
using Boards.BuildingBlocks.Import;

namespace Boards.Needs.Features.Common;

/// <summary>Reads the fields of one record by column; every problem becomes an <see cref="ImportError"/> on its line.</summary>
public sealed partial class ImportRowReader
{
    private readonly CsvRecord _record;
    private readonly ImportSheet _sheet;
    private readonly List<ImportError> _errors;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly int _errorsBefore;

    internal ImportRowReader(CsvRecord record, ImportSheet sheet, List<ImportError> errors)
    {
        _record = record;
        _sheet = sheet;
        _errors = errors;
        _errorsBefore = errors.Count;
        if (record.Fields.Count > sheet.Table.Header.Count)
        {
            errors.Add(new ImportError(record.Line, null,
                $"La fila tiene {record.Fields.Count} campos y el encabezado {sheet.Table.Header.Count}: revise separadores sin comillas dentro de los valores."));
        }
    }

    public int Line => _record.Line;

    /// <summary>True when nothing on this row was wrong.</summary>
    public bool Valid => _errors.Count == _errorsBefore;

    public string Text(string column) => _sheet.Value(_record, column);

    public void Error(string column, string message)
    {
        _reported.Add(column);
        _errors.Add(new ImportError(_record.Line, _sheet.HeaderOf(column), message));
    }

    /// <summary>The value's code, or null when empty (no error: the caller decides) or unknown (reported).</summary>
    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> values, string unknown) where T : struct
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (values.TryGetValue(ImportText.Normalize(value), out var parsed))
        {
            return parsed;
        }

        Error(column, $"{unknown}: '{value}'. Valores aceptados: {ImportText.Accepted(values)}.");
        return null;
    }

    /// <summary>An integer ("1200", "1.200" or "1,200"); null when empty (no error) or not a number (reported).</summary>
    public int? Integer(string column)
    {
        var value = Text(column).Replace(" ", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            return null;
        }

        var digits = ThousandsPattern().IsMatch(value) ? value.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal) : value;
        if (int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        Error(column, $"'{Text(column)}' no es un número entero.");
        return null;
    }

    /// <summary>
    /// Adds the errors a field validator (OfferValidator, NeedValidator) found, under the column of each field; a column
    /// already reported by the import's own reading is not reported twice.
    /// </summary>
    public void AddFieldErrors(FieldErrors fieldErrors, IReadOnlyDictionary<string, string> columnOfField)
    {
        foreach (var (field, messages) in ErrorsOf(fieldErrors))
        {
            var column = columnOfField.TryGetValue(field, out var known) ? known : field;
            if (_reported.Contains(column))
            {
                continue;
            }

            foreach (var message in messages)
            {
                _errors.Add(new ImportError(_record.Line, _sheet.HeaderOf(column), message));
            }
        }
    }

    // FieldErrors only hands its errors out by throwing them; reading them that way keeps its API untouched.
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(FieldErrors errors)
    {
        try
        {
            errors.ThrowIfAny();
            return new Dictionary<string, string[]>();
        }
        catch (ValidationFailedException exception)
        {
            return exception.Errors;
        }
    }

    [GeneratedRegex(@"^\d{1,3}([.,]\d{3})+$")]
    private static partial Regex ThousandsPattern();
}
