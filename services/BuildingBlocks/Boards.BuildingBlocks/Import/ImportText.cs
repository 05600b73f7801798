using System.Globalization;
using System.Text;

namespace Boards.BuildingBlocks.Import;

/// <summary>How headers and values of an import file are compared: as people type them, not as the API spells them.</summary>
public static class ImportText
{
    /// <summary>
    /// Lowercase, without accents, blanks, hyphens and slashes as a single '_'. 'ñ' becomes 'n' unless
    /// <paramref name="keepEnye"/> (the member import keeps it: "Ñandutí" is "ñanduti").
    /// </summary>
    public static string Normalize(string value, bool keepEnye = false)
    {
        var decomposed = value.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastUnderscore = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (keepEnye && c == '\u0303' && builder.Length > 0 && builder[^1] == 'n')
                {
                    builder[^1] = 'ñ';
                }

                continue;
            }

            if (char.IsWhiteSpace(c) || c is '-' or '_' or '/')
            {
                if (!lastUnderscore && builder.Length > 0)
                {
                    builder.Append('_');
                }

                lastUnderscore = true;
                continue;
            }

            builder.Append(c);
            lastUnderscore = false;
        }

        return builder.ToString().TrimEnd('_');
    }

    /// <summary>Builds a lookup of normalized spellings; the first spelling of each value is the one messages list.</summary>
    public static IReadOnlyDictionary<string, T> Spellings<T>(params (T Value, string[] Spellings)[] entries) where T : notnull =>
        entries.SelectMany(e => e.Spellings.Select(s => (Spelling: Normalize(s), e.Value)))
            .ToDictionary(p => p.Spelling, p => p.Value, StringComparer.Ordinal);

    /// <summary>The first (Spanish) spelling of each value, as the messages list them.</summary>
    public static string Accepted<T>(IReadOnlyDictionary<string, T> values) where T : notnull =>
        string.Join(", ", values.GroupBy(v => v.Value).Select(g => g.First().Key));
}
