using Boards.BuildingBlocks.Import;

namespace Boards.Needs.Features.Common;

/// <summary>The columns of one kind of import file: their Spanish names, which are required and other spellings.</summary>
public sealed record ImportColumns(IReadOnlyList<string> All, IReadOnlyList<string> Required, IReadOnlyDictionary<string, string> Synonyms)
{
    /// <summary>The column a header names (normalized, synonyms resolved), or null when it is not one of them.</summary>
    public string? Resolve(string header)
    {
        var normalized = ImportText.Normalize(header);
        var column = Synonyms.TryGetValue(normalized, out var synonym) ? synonym : normalized;
        return All.Contains(column) ? column : null;
    }
}

/// <summary>
/// A parsed file whose header has been checked: unknown, repeated and missing columns are reported once, on the header
/// line, and then the rows are not read (<see cref="Read"/> answers null).
/// </summary>
public sealed class ImportSheet
{
    private readonly Dictionary<string, int> _index;

    private ImportSheet(CsvTable table, Dictionary<string, int> index)
    {
        Table = table;
        _index = index;
    }

    public CsvTable Table { get; }

    public static ImportSheet? Read(CsvTable table, ImportColumns columns, List<ImportError> errors, string rowsWhat)
    {
        if (table.Header.Count == 0)
        {
            return null;
        }

        var before = errors.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var raw = table.Header[i].Trim();
            var column = columns.Resolve(raw);
            if (column is null)
            {
                errors.Add(new ImportError(table.HeaderLine, raw, raw.Length == 0
                    ? $"La columna {i + 1} no tiene encabezado. Las columnas son: {string.Join(", ", columns.All)}."
                    : $"Columna desconocida '{raw}'. Las columnas son: {string.Join(", ", columns.All)}."));
            }
            else if (!index.TryAdd(column, i))
            {
                errors.Add(new ImportError(table.HeaderLine, raw, $"La columna '{column}' está repetida."));
            }
        }

        foreach (var missing in columns.Required.Where(c => !index.ContainsKey(c)))
        {
            errors.Add(new ImportError(table.HeaderLine, missing, $"Falta la columna obligatoria '{missing}'."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        if (table.Records.Count == 0)
        {
            errors.Add(new ImportError(table.HeaderLine, null, $"El archivo no tiene filas de {rowsWhat} debajo del encabezado."));
            return null;
        }

        return new ImportSheet(table, index);
    }

    public ImportRowReader Row(CsvRecord record, List<ImportError> errors) => new(record, this, errors);

    /// <summary>The errors by line and, within a line, in the order of the file's columns (whole-row errors first).</summary>
    public List<ImportError> InFileOrder(IEnumerable<ImportError> errors) =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column is null ? -1 : PositionOf(e.Column))];

    private int PositionOf(string header)
    {
        for (var i = 0; i < Table.Header.Count; i++)
        {
            if (string.Equals(Table.Header[i].Trim(), header, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    internal string Value(CsvRecord record, string column) =>
        _index.TryGetValue(column, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : "";

    /// <summary>Errors name the column as the file's header spells it.</summary>
    internal string HeaderOf(string column) => _index.TryGetValue(column, out var i) ? Table.Header[i].Trim() : column;
}
