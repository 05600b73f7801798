using System.Globalization;
using System.Threading.RateLimiting;
using Boards.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Boards.Gateway.RateLimiting;

/// <summary>
/// The open data's own budget (/open/v1/…, docs/open-data.md): a token bucket per remote address (the person's, behind a
/// trusted ingress), whether or not a token comes along, since the open routes never look at one. Section
/// Gateway:OpenData:RateLimit (PermitsPerSecond, Burst, Replicas), divided among replicas like the per-client budget
/// (<see cref="RateBudget"/>). Its 429 names its own budget.
/// </summary>
public static class OpenDataRateLimiting
{
    public const string PolicyName = "open-data-per-address";
    public const string Section = "Gateway:OpenData:RateLimit";

    public static IServiceCollection AddOpenDataRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var budget = RateBudget.From(configuration.GetSection(Section), permitsPerSecond: 5, burst: 20);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(PolicyName, new Policy(budget)));
        return services;
    }

    /// <summary>Always the address: a token, valid or not, buys no other bucket here.</summary>
    public static string AddressKey(HttpContext http) => $"open-address:{http.Connection.RemoteIpAddress}";

    private sealed class Policy(RateBudget budget) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await TypedResults.Problem(
                title: "Demasiadas solicitudes.",
                detail: $"Los datos abiertos admiten {budget.PermitsPerSecond} solicitudes por segundo por dirección. Intente de nuevo en " +
                    "unos segundos; las respuestas traen ETag, así que volver a pedir lo que no cambió no descarga nada.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetTokenBucketLimiter(AddressKey(httpContext), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = budget.ReplicaBurst,
                TokensPerPeriod = budget.ReplicaPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }
}
