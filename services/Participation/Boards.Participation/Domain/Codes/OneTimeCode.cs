using System.Security.Cryptography;
using System.Text;

namespace Boards.Participation.Domain.Codes;

/// <summary>
/// One-time codes: 12 symbols of Crockford's base 32 (no I, L, O or U), drawn uniformly from the operating system's
/// CSPRNG, so 60 bits; shown as XXXX-XXXX-XXXX. Typing is forgiving: case, dashes and spaces do not matter, and O, I and
/// L are read as 0, 1 and 1. Only the SHA-256 of the normalized code is ever stored.
/// </summary>
public static class OneTimeCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 12;
    public const int GroupLength = 4;

    /// <summary>log2(32) × 12.</summary>
    public const int Bits = 60;

    /// <summary>A new code, normalized (12 symbols, no dashes).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>"ABCD-EFGH-JKMN".</summary>
    public static string Grouped(string normalized) =>
        string.Join('-', Enumerable.Range(0, Length / GroupLength).Select(i => normalized.Substring(i * GroupLength, GroupLength)));

    /// <summary>The code as stored before hashing, or null when the text cannot be a code (wrong length or symbol).</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > ParticipationLimits.TypedCode)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is '-' or ' ' or '\u2010' or '\u2011' or '\u2013')
            {
                continue;
            }

            var symbol = char.ToUpperInvariant(c) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(symbol, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(symbol);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    public static byte[] Hash(string normalized) => SHA256.HashData(Encoding.ASCII.GetBytes(normalized));
}
