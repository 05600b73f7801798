using System.Globalization;
using System.Threading.RateLimiting;
using Boards.ServiceDefaults.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Boards.Identity.Server;

/// <summary>
/// Bounds how fast one address can try credentials: the token endpoint and the login form (POST to the authorization
/// endpoint) share a token bucket per remote address (section <c>Identity:RateLimit</c>: <c>PermitsPerSecond</c>,
/// <c>Burst</c>, and <c>Replicas</c> among which the budget is divided: <see cref="RateBudget"/>). Past it the answer is
/// 429 with Retry-After. Per-account and per-client lockout (<see cref="Accounts.SignInThrottle"/>) stops guessing one
/// secret; this stops trying many accounts from one place.
/// </summary>
public static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var budget = RateBudget.From(configuration.GetSection("Identity:RateLimit"), permitsPerSecond: 10, burst: 60);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignIn(context.Request)
                    ? RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "desconocida", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = budget.ReplicaBurst,
                        TokensPerPeriod = budget.ReplicaPermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter("otras"));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new Dictionary<string, string>
                {
                    ["error"] = "too_many_requests",
                    ["error_description"] = "Demasiadas solicitudes de inicio de sesión desde esta dirección: espere unos segundos e intente de nuevo.",
                }, ct);
            };
        });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        (request.Path.Equals("/" + KeycloakPaths.Token, StringComparison.OrdinalIgnoreCase) ||
         request.Path.Equals("/" + KeycloakPaths.Authorization, StringComparison.OrdinalIgnoreCase));
}
