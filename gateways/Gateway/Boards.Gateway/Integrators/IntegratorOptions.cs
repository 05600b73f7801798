using System.Globalization;

namespace Boards.Gateway.Integrators;

/// <summary>
/// Section <c>Gateway:Integrators</c>: how long an allowed answer of Membership's access check is reused for the same
/// token (<c>AccessCacheFor</c>, default 00:00:00: asked on every call, so a revocation stops the next call), how long
/// the gateway waits for it (<c>AccessTimeout</c>, default 00:00:02), and the most requests per second a client's
/// <c>rate_limit</c> claim may ask for (<c>MaxRateLimit</c>, default 1000).
/// </summary>
public sealed record IntegratorOptions(TimeSpan AccessCacheFor, TimeSpan AccessTimeout, int MaxRateLimit)
{
    public static IntegratorOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateway:Integrators");
        var options = new IntegratorOptions(
            Duration(section, "AccessCacheFor", TimeSpan.Zero),
            Duration(section, "AccessTimeout", TimeSpan.FromSeconds(2)),
            section.GetValue("MaxRateLimit", 1000));
        if (options.AccessCacheFor < TimeSpan.Zero || options.AccessTimeout <= TimeSpan.Zero || options.MaxRateLimit < 1)
        {
            throw new InvalidOperationException(
                "Gateway:Integrators: AccessCacheFor must be 00:00:00 or more, AccessTimeout more than zero and MaxRateLimit 1 or more.");
        }

        return options;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback) =>
        section[key] is { Length: > 0 } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"Gateway:Integrators:{key} must be a duration (hh:mm:ss); got '{text}'.")
            : fallback;
}
