using System.Globalization;
using System.Threading.RateLimiting;
using Boards.ServiceDefaults.Authentication;
using Boards.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Boards.Gateway.RateLimiting;

/// <summary>
/// A token bucket per client: the token's client id (azp) and subject once the gateway has validated the token,
/// else the remote address (the person's, behind a trusted ingress). Section Gateway:RateLimit (PermitsPerSecond,
/// Burst, Replicas): a budget for the whole system, each replica holding its share (<see cref="RateBudget"/>). An
/// integrator whose token carries <c>rate_limit</c> gets a bucket of that many requests per second (and as burst),
/// capped by Gateway:Integrators:MaxRateLimit and shared among the replicas the same way.
/// </summary>
public static class ClientRateLimiting
{
    public const string PolicyName = "per-client";

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var budget = RateBudget.From(configuration.GetSection("Gateway:RateLimit"), permitsPerSecond: 50, burst: 100);
        var maxIntegratorRate = Integrators.IntegratorOptions.From(configuration).MaxRateLimit;

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var permits = IntegratorRate(context.HttpContext, maxIntegratorRate) ?? budget.PermitsPerSecond;
                await TypedResults.Problem(
                    title: "Demasiadas solicitudes.",
                    detail: $"Este cliente superó {permits} solicitudes por segundo. Intente de nuevo en unos segundos.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(PolicyName, http => IntegratorRate(http, maxIntegratorRate) is { } rate
                // The rate is in the key: a client registered again with another rate gets a bucket of that size.
                ? RateLimitPartition.GetTokenBucketLimiter($"{ClientKey(http)}:rate:{rate}", _ => Bucket(budget.Share(rate), budget.Share(rate)))
                : RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => Bucket(budget.ReplicaBurst, budget.ReplicaPermitsPerSecond)));
        });
        return services;
    }

    /// <summary>
    /// An integrator's own budget: its token's <c>rate_limit</c> claim (requests per second, set when Membership
    /// registered it), at most <paramref name="maximum"/> (<c>Gateway:Integrators:MaxRateLimit</c>); null for everyone
    /// else, and for an integrator without the claim (integrator-demo), who get the default budget.
    /// </summary>
    public static int? IntegratorRate(HttpContext http, int maximum)
    {
        var user = http.User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(BoardsRoles.Integrator) &&
               int.TryParse(user.FindFirst(BoardsClaimTypes.RateLimit)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate >= 1
            ? Math.Min(rate, maximum)
            : null;
    }

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static string ClientKey(HttpContext http)
    {
        var user = http.User;
        var client = user.FindFirst(BoardsClaimTypes.ClientId)?.Value;
        var subject = user.FindFirst(BoardsClaimTypes.Subject)?.Value;
        if (user.Identity?.IsAuthenticated == true && (!string.IsNullOrEmpty(client) || !string.IsNullOrEmpty(subject)))
        {
            // Escaped so that no (client, subject) pair can spell another's key.
            return $"client:{Uri.EscapeDataString(client ?? "")}:{Uri.EscapeDataString(subject ?? "")}";
        }

        return $"address:{http.Connection.RemoteIpAddress}";
    }
}
