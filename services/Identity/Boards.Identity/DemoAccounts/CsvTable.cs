using System.Text;

namespace Boards.Identity.DemoAccounts;

/// <summary>A small RFC 4180 reader: quoted fields may hold commas, line breaks and doubled quotes.</summary>
internal static class CsvTable
{
    /// <summary>Rows after the header, each as column name to value.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string text)
    {
        var records = ReadRecords(text).Where(record => record is not [""]).ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Select(name => name.Trim()).ToArray();
        return [.. records.Skip(1).Select(record =>
        {
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var column = 0; column < header.Length; column++)
            {
                row[header[column]] = column < record.Count ? record[column] : "";
            }
            return (IReadOnlyDictionary<string, string>)row;
        })];
    }

    private static IEnumerable<List<string>> ReadRecords(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
