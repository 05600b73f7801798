using System.Globalization;
using System.Threading.RateLimiting;
using Boards.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Boards.Gateway.RateLimiting;

/// <summary>
/// The pulse's public answer route (/pulse/v1, no token: the one-time code is the credential) has its own, small token
/// bucket per remote address (the person's, behind a trusted ingress or the portal; docs/pulse.md, "Codes"): enough to
/// open and answer a few slips, far too little to try codes by the million. Section Gateway:Pulse:RateLimit
/// (PermitsPerSecond, Burst, Replicas), divided among replicas like every budget (<see cref="RateBudget"/>).
/// </summary>
public static class PulseRateLimiting
{
    public const string PolicyName = "pulse-per-address";
    public const string Section = "Gateway:Pulse:RateLimit";

    public static IServiceCollection AddPulseRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var budget = RateBudget.From(configuration.GetSection(Section), permitsPerSecond: 1, burst: 10);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(PolicyName, new Policy(budget)));
        return services;
    }

    private sealed class Policy(RateBudget budget) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await TypedResults.Problem(
                title: "Demasiados intentos.",
                detail: "Se hicieron demasiados intentos desde esta conexión. Espere unos segundos y vuelva a intentarlo.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
        };

        // The address only: a token sent here is dropped anyway, and must not buy a bucket of its own.
        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetTokenBucketLimiter($"address:{httpContext.Connection.RemoteIpAddress}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = budget.ReplicaBurst,
                TokensPerPeriod = budget.ReplicaPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }
}
