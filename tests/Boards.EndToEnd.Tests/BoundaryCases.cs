using System.Globalization;

namespace Boards.EndToEnd.Tests;

public enum BoundaryKind
{
    AtMaximum,
    OneOver,
    HundredTimes,
    OneItemTooMany,
    BelowMinimum,
    AboveMaximum,
}

/// <summary>One generated request at one field's declared limit, sent over REST or gRPC.</summary>
public abstract record BoundaryCase(string Operation, string Field, BoundaryKind Kind, string Value)
{
    /// <summary>Only the exact maximum may be accepted; everything past a limit must be refused.</summary>
    public bool MustBeRefused => Kind != BoundaryKind.AtMaximum;

    public string Describe() => $"{Operation} {Field} {Kind} ({Value})";

    public abstract Task<BoundaryAnswer> SendAsync(BoardsAppFixture boards, string token);
}

/// <summary>The answer: "REST 400" or "gRPC InvalidArgument", whether it refused, failed on the server side, and its text.</summary>
public sealed record BoundaryAnswer(string Status, bool Refused, bool ServerFailure, string Text);

/// <summary>
/// A limit a field declares: a text length, a number of items, or a range of numbers, kept as the first value under the
/// minimum (<c>Below</c>) and the first over the maximum (<c>Above</c>).
/// </summary>
public sealed record DeclaredLimit(ulong? MaxLength = null, ulong? MaxItems = null, decimal? Below = null, decimal? Above = null)
{
    /// <summary>What to send at this limit: texts at, one over and a hundred times the length, one item too many, the numbers out of range.</summary>
    public IEnumerable<(BoundaryKind Kind, BoundaryValue Value)> Cases()
    {
        if (MaxLength is { } length)
        {
            // 'a' passes the patterns codes must match; 'ñ' is two bytes in UTF-8 but one character everywhere else.
            yield return (BoundaryKind.AtMaximum, BoundaryValue.OfText('a', length));
            yield return (BoundaryKind.AtMaximum, BoundaryValue.OfText('ñ', length));
            yield return (BoundaryKind.OneOver, BoundaryValue.OfText('a', length + 1));
            yield return (BoundaryKind.HundredTimes, BoundaryValue.OfText('ñ', length * 100));
        }

        if (MaxItems is { } items)
        {
            yield return (BoundaryKind.OneItemTooMany, BoundaryValue.OfItems(items + 1));
        }

        if (Below is { } below)
        {
            yield return (BoundaryKind.BelowMinimum, BoundaryValue.OfNumber(below));
        }

        if (Above is { } above)
        {
            yield return (BoundaryKind.AboveMaximum, BoundaryValue.OfNumber(above));
        }
    }
}

/// <summary>What goes in the field: a text of a length, a list of a length, or a number.</summary>
public sealed record BoundaryValue(string? Text = null, ulong? Count = null, decimal? Number = null)
{
    public static BoundaryValue OfText(char c, ulong length) => new(Text: new string(c, checked((int)length)));

    public static BoundaryValue OfItems(ulong count) => new(Count: count);

    public static BoundaryValue OfNumber(decimal number) => new(Number: number);

    public override string ToString() =>
        Text is { } text ? $"{text.Length} × '{text[0]}'"
        : Count is { } count ? $"{count} items"
        : Number!.Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Plausible values for fields that are not at the boundary, chosen by the field's name the same way over REST
/// (camelCase) and gRPC (snake_case): so that the boundary, not a missing or malformed neighbour, is what gets checked.
/// </summary>
public static class PlausibleValues
{
    public static string Text(string name, string municipality, bool namesAMunicipality)
    {
        var plain = name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        if (namesAMunicipality || plain.Contains("municipalit", StringComparison.Ordinal))
        {
            return municipality;
        }

        if (plain.EndsWith("id", StringComparison.Ordinal))
        {
            return Guid.NewGuid().ToString();
        }

        if (plain.Contains("birth", StringComparison.Ordinal))
        {
            return "1994-03-12";
        }

        if (plain.Contains("date", StringComparison.Ordinal) || plain is "from" or "to" ||
            name.EndsWith("On", StringComparison.Ordinal) || name.EndsWith("_on", StringComparison.Ordinal))
        {
            return "2026-06-15";
        }

        if (plain.Contains("institution", StringComparison.Ordinal))
        {
            return "mspbs";
        }

        return plain.Contains("document", StringComparison.Ordinal) ? "4567890" : "x";
    }

    /// <summary>Flags are off, except consent: a referral without it is refused before its texts are looked at.</summary>
    public static bool Flag(string name) => name == "given";
}
