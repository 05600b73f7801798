using Boards.ServiceDefaults.Authentication;
using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Errors;
using Boards.ServiceDefaults.Health;
using Boards.ServiceDefaults.Http;
using Boards.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Boards.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>True in the Kubernetes migration Jobs (docs/deploy.md, "Migrations").</summary>
    public const string MigrateOnlySetting = "Database:MigrateOnly";

    /// <summary>Telemetry, health, discovery, resilience, problem details and Keycloak-shaped JWT authentication.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, bool bearerAuthentication = true)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddBoardsTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddBoardsForwardedHeaders();
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

    /// <summary>The health endpoints, once per process however many modules of a composed host ask for them.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        const string mapped = "Boards.DefaultEndpoints";
        var properties = ((IApplicationBuilder)app).Properties;
        if (properties.TryAdd(mapped, true))
        {
            app.MapBoardsHealthEndpoints();
        }

        return app;
    }

    /// <summary>
    /// Serves until stopped. With <see cref="MigrateOnlySetting"/> true it returns instead, without serving: every
    /// service migrates and seeds its database before this call, so the process has done a migration Job's work and exits.
    /// </summary>
    public static async Task RunUnlessMigrateOnlyAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(MigrateOnlySetting))
        {
            await app.RunAsync();
            return;
        }

        app.Logger.LogInformation("{Setting} is true: the database is up to date; exiting without serving", MigrateOnlySetting);
        await app.DisposeAsync();
    }
}
