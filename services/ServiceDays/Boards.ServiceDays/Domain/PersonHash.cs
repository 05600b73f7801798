using System.Security.Cryptography;
using System.Text;

namespace Boards.ServiceDays.Domain;

/// <summary>
/// The keyed hash that stands for a document number in attendance: HMAC-SHA256 under ServiceDays:PersonKeySecret of the
/// normalized number (upper case, letters and digits only). Same document, same hash, so distinct people can be counted;
/// without the secret it cannot be reversed or recomputed from a list of numbers. The number itself is never stored.
/// </summary>
public sealed class PersonHash(byte[] secret)
{
    public string OfDocument(string documentNumber) => "ph_" + Convert.ToHexStringLower(Mac("doc:" + Normalize(documentNumber)))[..32];

    /// <summary>A keyed digest of any content (batches and referral entries may hold personal data): for equality only.</summary>
    public string OfContent(string canonical) => Convert.ToHexStringLower(Mac("content:" + canonical));

    public static string Normalize(string documentNumber)
    {
        var builder = new StringBuilder(documentNumber.Length);
        foreach (var c in documentNumber.Trim().ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private byte[] Mac(string text) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text));
}
