using CsvHelper;

namespace Boards.BuildingBlocks.ReferenceData;

/// <summary>The reference data files in data/reference and the demo accounts, read with CsvHelper: comma separated, with a header.</summary>
public static class Csv
{
    private static readonly CsvReaderOptions Options = new() { Separator = ',', TrimWhitespace = true };

    /// <summary>Rows after the header of the file at <paramref name="path"/>, each as column name (any case) to value.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Read(string path)
    {
        using var reader = CsvReader.FromFile(path, Options);
        foreach (var row in Rows(reader))
        {
            yield return row;
        }
    }

    /// <summary>Rows after the header of <paramref name="text"/>, each as column name (any case) to value.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text)
    {
        using var reader = CsvReader.FromText(text, Options);
        return [.. Rows(reader)];
    }

    private static IEnumerable<IReadOnlyDictionary<string, string>> Rows(CsvReader reader)
    {
        var header = reader.Headers;
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                row.TryAdd(header[i], i < reader.FieldCount ? reader.GetString(i) : "");
            }

            yield return row;
        }
    }
}
