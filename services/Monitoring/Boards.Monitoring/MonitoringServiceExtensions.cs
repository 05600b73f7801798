using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.Monitoring.Consumers;
using Boards.Monitoring.Data;
using Boards.Monitoring.Features;
using Boards.Monitoring.Features.Common;
using Boards.Monitoring.Features.EarlyWarnings;
using Boards.Monitoring.Features.GetMunicipality;
using Boards.Monitoring.Features.GetMunicipalityTrends;
using Boards.Monitoring.Features.IndicatorsSignal;
using Boards.Monitoring.Features.ListMunicipalities;
using Boards.ServiceDefaults;

namespace Boards.Monitoring;

public static class MonitoringServiceExtensions
{
    /// <summary>Database, event consumers, queries, REST and gRPC of the monitoring read model.</summary>
    public static WebApplicationBuilder AddMonitoringService(this WebApplicationBuilder builder)
    {
        var receiveEndpoint = builder.Configuration["Monitoring:ReceiveEndpoint"] is { Length: > 0 } configured
            ? configured
            : ConsumerRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<MonitoringDbContext>("monitoring", bus => bus.AddMonitoringConsumers(receiveEndpoint));
        builder.AddServiceDatabase<MonitoringDbContext>("monitoringdb");

        builder.Services.AddScoped<MunicipalitySummaryReader>();
        builder.Services.AddScoped<ListMunicipalitiesQuery>();
        builder.Services.AddScoped<GetMunicipalityQuery>();
        builder.Services.AddScoped<MunicipalityTrendsReader>();
        builder.Services.AddScoped<GetMunicipalityTrendsQuery>();

        builder.Services.AddOptions<EarlyWarningOptions>().BindConfiguration(EarlyWarningOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Monitoring:EarlyWarnings:Interval debe ser mayor que cero.").ValidateOnStart();
        builder.Services.AddScoped<EarlyWarningEvaluator>();
        builder.Services.AddScoped<ListWarningsQuery>();
        builder.Services.AddScoped<AcknowledgeWarningCommand>();
        builder.Services.AddSingleton<EarlyWarningSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EarlyWarningSweep>());

        builder.Services.AddOptions<IndicatorsSignalOptions>().BindConfiguration(IndicatorsSignalOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Monitoring:IndicatorsSignal:Interval debe ser mayor que cero.").ValidateOnStart();
        builder.Services.AddSingleton<ChangedMunicipalities>();
        builder.Services.AddHostedService<IndicatorsSignalPublisher>();

        builder.Services.AddOpenApi();
        // The limits the proto declares (buf.validate annotations), refused with InvalidArgument before a method runs.
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<GrpcFieldRulesInterceptor>());
        builder.Services.AddBoardsRequestLimits();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        return builder;
    }

    public static async Task<WebApplication> MapMonitoringServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<MonitoringDbContext>();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMalformedInputRefusal();

        app.MapDefaultEndpoints();
        app.MapOpenApi().AllowAnonymous();
        app.MapMonitoringEndpoints();
        app.MapGrpcService<MonitoringGrpcService>().RequireAuthorization();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }
}
