using System.Globalization;
using System.Security.Claims;

namespace Boards.Referrals.Api.Grpc;

/// <summary>How long the caller's access token (its <c>exp</c> claim) is still valid.</summary>
public static class TokenLifetime
{
    /// <summary>At most the longest lifetime a token may have: a principal without <c>exp</c> gets that much.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(30);

    public static TimeSpan Remaining(ClaimsPrincipal user, DateTimeOffset now)
    {
        if (!long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp))
        {
            return Longest;
        }

        var remaining = DateTimeOffset.FromUnixTimeSeconds(exp) - now;
        return remaining <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : remaining;
    }
}
