using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Boards.Referrals.Domain;

/// <summary>
/// The pseudonymous person key other services see: HMAC-SHA256 under a secret of this service, over the document
/// number, or over names and birth date when the person has no document. Same person, same key; not reversible.
/// </summary>
public static class PersonKey
{
    public static string Compute(Person person, byte[] secret)
    {
        var basis = !person.NoDocument && !string.IsNullOrWhiteSpace(person.DocumentNumber)
            ? "doc:" + Normalize(person.DocumentNumber, keepSpaces: false)
            : $"name:{Normalize(person.GivenNames, true)}|{Normalize(person.FamilyNames, true)}|{person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var hash = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(basis));
        return "pk_" + Convert.ToHexStringLower(hash)[..32];
    }

    private static string Normalize(string value, bool keepSpaces)
    {
        var decomposed = value.Trim().ToUpperInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (keepSpaces && char.IsWhiteSpace(c) && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }
}
