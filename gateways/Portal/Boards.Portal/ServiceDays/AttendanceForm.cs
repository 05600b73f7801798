using System.Text.RegularExpressions;

namespace Boards.Portal.ServiceDays;

/// <summary>
/// A batch of attendance typed on a tablet at the venue. <see cref="BatchId"/> is chosen when the form is rendered, so
/// the same form sent twice is counted once by ServiceDays. Document numbers go to the API and are never rendered back.
/// </summary>
public sealed partial class AttendanceForm
{
    public const int RowCount = 5;

    public string BatchId { get; set; } = NewBatchId();
    public List<AttendanceRow> Rows { get; set; } = [];

    public static string NewBatchId() => "portal-" + Guid.NewGuid().ToString("N");

    /// <summary>Adds empty rows up to <see cref="RowCount"/>.</summary>
    public void PadRows()
    {
        while (Rows.Count < RowCount)
        {
            Rows.Add(new AttendanceRow());
        }
    }

    /// <summary>After a send: every document number typed is forgotten, so that none is rendered back.</summary>
    public void ForgetDocuments()
    {
        foreach (var row in Rows)
        {
            row.Document = null;
        }
    }

    /// <summary>The rows that say something, with their position on the form (entries[i] of the API is Filled[i]).</summary>
    public IReadOnlyList<(int Row, AttendanceRow Value)> Filled() =>
        Rows.Select((row, index) => (index, row)).Where(r => r.row.NoDocument || !string.IsNullOrWhiteSpace(r.row.Document)).ToList();

    public object Body() => new
    {
        batchId = BatchId,
        entries = Filled().Select(r => r.Value.NoDocument
            ? (object)new { serviceCode = Empty(r.Value.ServiceCode), anonymousCount = 1 }
            : new { serviceCode = Empty(r.Value.ServiceCode), documentNumber = r.Value.Document!.Trim() }).ToList(),
    };

    /// <summary>The API's <c>entries[i].field</c> as the form's row and field ("row3" / "row3.documentNumber").</summary>
    public Dictionary<string, string[]> RowErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var filled = Filled();
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, messages) in errors)
        {
            var match = EntryField().Match(field);
            var key = match.Success && int.Parse(match.Groups[1].Value) is var i && i < filled.Count
                ? $"row{filled[i].Row}" + (match.Groups[2].Success ? "." + (match.Groups[2].Value == "anonymousCount" ? "documentNumber" : match.Groups[2].Value) : "")
                : field;
            result[key] = [.. result.GetValueOrDefault(key, []), .. messages];
        }

        return result;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^entries\[(\d+)\](?:\.(\w+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex EntryField();
}

public sealed class AttendanceRow
{
    public string? Document { get; set; }
    public bool NoDocument { get; set; }
    public string? ServiceCode { get; set; }
    /// <summary>A need category found while attending the person (optional): only its category leaves the form.</summary>
    public string? Need { get; set; }
}
