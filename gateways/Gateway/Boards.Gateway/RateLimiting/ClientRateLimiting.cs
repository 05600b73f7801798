using System.Globalization;
using System.Threading.RateLimiting;
using Boards.ServiceDefaults.Authentication;
using Boards.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Boards.Gateway.RateLimiting;

/// <summary>
/// A token bucket per client: the token's client id (azp) and subject once the gateway has validated the token,
/// else the remote address (the person's, behind a trusted ingress). Section Gateway:RateLimit (PermitsPerSecond,
/// Burst, Replicas): a budget for the whole system, each replica holding its share (<see cref="RateBudget"/>).
/// </summary>
public static class ClientRateLimiting
{
    public const string PolicyName = "per-client";

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var budget = RateBudget.From(configuration.GetSection("Gateway:RateLimit"), permitsPerSecond: 50, burst: 100);

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(
                    title: "Demasiadas solicitudes.",
                    detail: $"Este cliente superó {budget.PermitsPerSecond} solicitudes por segundo. Intente de nuevo en unos segundos.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(PolicyName, http => RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = budget.ReplicaBurst,
                TokensPerPeriod = budget.ReplicaPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        });
        return services;
    }

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
