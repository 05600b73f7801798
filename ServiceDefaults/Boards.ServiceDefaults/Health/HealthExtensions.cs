using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Boards.ServiceDefaults.Health;

public static class HealthExtensions
{
    private const string LiveTag = "live";

    /// <summary>
    /// The broker's own check carries this tag. It stays out of readiness: the outbox holds writes while the broker is
    /// away, so a replica that has started keeps serving (BuildingBlocks' "bus-started" check covers the start).
    /// </summary>
    public const string BrokerTag = "broker";

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// /health: ready to serve (every check but the broker's). /alive: the process answers (live checks only).
    /// /health/broker: the broker's check alone, for operators. All anonymous.
    /// </summary>
    public static WebApplication MapBoardsHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(BrokerTag) })
            .AllowAnonymous().DisableRateLimiting();
        // MassTransit reports a lost connection as Degraded while it reconnects: for the broker alone that is a 503.
        app.MapHealthChecks("/health/broker", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(BrokerTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
