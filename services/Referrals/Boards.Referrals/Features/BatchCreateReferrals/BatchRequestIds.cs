using System.Security.Cryptography;
using System.Text;

namespace Boards.Referrals.Features.BatchCreateReferrals;

/// <summary>
/// The request id (CreateReferral's idempotency key) of a batch item: <c>batch-</c> followed by the lowercase hex
/// SHA-256 of the token's subject, a line feed and the reference id. The same caller retrying the same reference id
/// lands on the same referral; another caller using the same reference id does not. 70 characters, within the
/// column's 100.
/// </summary>
public static class BatchRequestIds
{
    public const string Prefix = "batch-";

    public static string For(Caller caller, string referenceId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller.Subject}\n{referenceId}")));
}
