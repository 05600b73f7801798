using Boards.ServiceDefaults.Authentication;
using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Errors;
using Boards.ServiceDefaults.Health;
using Boards.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Boards.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Telemetry, health, discovery, resilience, problem details and Keycloak-shaped JWT authentication.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, bool bearerAuthentication = true)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddBoardsTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddBoardsServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddTransientDatabaseErrorHandling();
        if (bearerAuthentication)
        {
            builder.AddBoardsAuthentication();
        }
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapBoardsHealthEndpoints();
        return app;
    }
}
