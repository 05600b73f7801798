using System.Text.Json;
using System.Text.Json.Serialization;
using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Boards.BuildingBlocks.Api;

/// <summary>
/// What every Boards service's API has in common: errors as problem details and gRPC statuses, enums as snake_case
/// codes, the declared limits of every field refused before a handler runs (REST attributes, proto annotations), the OpenAPI document, gRPC with the error interceptor, reflection and the gRPC health service.
/// </summary>
public static class BoardsApiExtensions
{
    /// <summary>The API set-up for a service whose errors are all the shared ones (BuildingBlocks/Errors).</summary>
    public static IServiceCollection AddBoardsApi(this IServiceCollection services, string serviceName) =>
        services.AddBoardsApi<CommonErrorMapper>(serviceName);

    /// <summary>
    /// The module's errors and its gRPC health entry; the rest once per process, whichever module of a composed host
    /// comes first.
    /// </summary>
    public static IServiceCollection AddBoardsApi<TErrorMapper>(this IServiceCollection services, string serviceName)
        where TErrorMapper : class, IApiErrorMapper
    {
        services.AddBoardsErrorHandling<TErrorMapper>();
        if (services.FirstTime<BoardsApiMarker>())
        {
            services.AddBoardsRequestLimits();
            services.ConfigureHttpJsonOptions(json =>
                json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)));
            services.AddOpenApi();
            services.AddBoardsRestValidation();
            services.AddGrpc(grpc =>
            {
                grpc.Interceptors.Add<GrpcErrorInterceptor>();
                grpc.Interceptors.Add<GrpcFieldRulesInterceptor>();
            });
            services.AddGrpcReflection();
            services.AddGrpcHealthChecks();
        }

        services.AddHealthChecks().AddCheck(serviceName, () => HealthCheckResult.Healthy());
        return services;
    }

    /// <summary>Error pages, authentication and authorization, and the anonymous OpenAPI document.</summary>
    public static WebApplication UseBoardsApi(this WebApplication app)
    {
        if (!app.FirstTime(nameof(UseBoardsApi)))
        {
            return app;
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMalformedInputRefusal();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Reflection and the gRPC health service, anonymous like the HTTP health endpoints; the benchmark's echo (its
    /// transport baseline, behind a token like everything else) only when <c>Benchmark:Echo</c> is true, which the
    /// AppHost sets for referrals when it is asked to (bench.sh and the end-to-end tests do).
    /// </summary>
    public static WebApplication MapBoardsGrpcInfrastructure(this WebApplication app)
    {
        if (!app.FirstTime(nameof(MapBoardsGrpcInfrastructure)))
        {
            return app;
        }

        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (app.Configuration.GetValue<bool>(EchoSetting))
        {
            app.MapGrpcService<EchoService>();
        }

        return app;
    }

    public const string EchoSetting = "Benchmark:Echo";

    private sealed class BoardsApiMarker;
}
