using System.Globalization;
using System.Text.RegularExpressions;

namespace Boards.Portal.Plan;

/// <summary>
/// What the plan's forms read from what a person typed: numbers as Paraguay writes them, dates, ids. A value that cannot
/// be read is named by the page with its own message (a resource key) and the form is not sent; Planning checks the rest.
/// </summary>
public static partial class PlanInput
{
    /// <summary>A local problem: the API's field name and the resource key of the message.</summary>
    public sealed record Problem(string Field, string MessageKey);

    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Guaraníes: "3500000", "3.500.000", "3 500 000" or "Gs. 3.500.000"; no decimals. Null when empty or unreadable.</summary>
    public static long? Guaranies(string? text)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        var digits = GuaraniesDecoration().Replace(value, "");
        return digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit) ? long.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A decimal typed with a comma ("1,5", Paraguay) or a point ("1.5"); "1.234,5" reads the point as thousands.</summary>
    public static decimal? Decimal(string? text)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        var normal = value.Contains(',', StringComparison.Ordinal) ? value.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : value;
        return decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>A date from a date input (yyyy-MM-dd) or typed as in Paraguay (dd/MM/yyyy).</summary>
    public static DateOnly? Date(string? text) =>
        Text(text) is { } value && DateOnly.TryParseExact(value, ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static Guid? Id(string? text) => Guid.TryParse(text, out var id) && id != Guid.Empty ? id : null;

    /// <summary>Typed but not readable: the field's problem, else nothing.</summary>
    public static IEnumerable<Problem> Check(string field, string? text, Func<string?, object?> read, string messageKey) =>
        Text(text) is not null && read(text) is null ? [new Problem(field, messageKey)] : [];

    /// <summary>The date for a date input (yyyy-MM-dd).</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number as the person would type it in the current language ("1,5" in Spanish).</summary>
    public static string Typed(decimal? number) => number is { } n ? n.ToString("0.##", CultureInfo.CurrentCulture) : "";

    /// <summary>
    /// Planning's field errors for a list the form sent with its blank rows left out: "indicators[1].name" of what was
    /// sent becomes the row the person sees (<paramref name="sentRows"/>[1]); other fields stay as they are.
    /// </summary>
    public static Dictionary<string, string[]> ToFormRows(IReadOnlyDictionary<string, string[]> errors, string list, IReadOnlyList<int> sentRows)
    {
        var result = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, messages) in errors)
        {
            var match = Row().Match(field);
            var key = match.Success && match.Groups["list"].Value == list && int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) is var sent
                && sent < sentRows.Count
                ? $"{list}[{sentRows[sent]}]{match.Groups["rest"].Value}"
                : field;
            result[key] = messages;
        }

        return result;
    }

    /// <summary>
    /// The fields the page could not read, with its messages; null when there are none. Such a form is not sent at all:
    /// an unreadable weight sent as missing would be saved as the default.
    /// </summary>
    public static Dictionary<string, string[]>? Refuse(IEnumerable<Problem> problems, Func<string, string> localize)
    {
        var fields = problems.GroupBy(p => p.Field, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new[] { localize(g.First().MessageKey) }, StringComparer.OrdinalIgnoreCase);
        return fields.Count == 0 ? null : fields;
    }

    [GeneratedRegex(@"^(?<list>[A-Za-z]+)\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"(?i)^\s*gs\.?\s*|[\s.\u00a0\u202f]")]
    private static partial Regex GuaraniesDecoration();
}
