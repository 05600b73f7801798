using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.Monitoring.Api;
using Boards.Monitoring.Api.Grpc;
using Boards.Monitoring.Api.Rest;
using Boards.Monitoring.Consumers;
using Boards.Monitoring.Features.AcknowledgeWarning;
using Boards.Monitoring.Features.Common;
using Boards.Monitoring.Features.EarlyWarningSweep;
using Boards.Monitoring.Features.FilterNationalTable;
using Boards.Monitoring.Features.MonthlyReport;
using Boards.Monitoring.Features.GetMunicipality;
using Boards.Monitoring.Features.GetMunicipalityTrends;
using Boards.Monitoring.Features.IndicatorsSignal;
using Boards.Monitoring.Features.ListMunicipalities;
using Boards.Monitoring.Features.ListWarnings;
using Boards.Monitoring.Features.OpenData;
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
        builder.Services.AddScoped<ListMunicipalitiesHandler>();
        builder.Services.AddScoped<GetMunicipalityHandler>();
        builder.Services.AddScoped<MunicipalityTrendsReader>();
        builder.Services.AddScoped<GetMunicipalityTrendsHandler>();
        builder.Services.AddScoped<NationalTableReader>();
        builder.Services.AddScoped<FilterNationalTableHandler>();
        builder.Services.AddScoped<MonthlyReportHandler>();
        builder.Services.AddScoped<ListWarningsHandler>();
        builder.Services.AddScoped<AcknowledgeWarningHandler>();
        builder.Services.AddScoped<Features.GetPulse.PulseIndicesReader>();
        builder.Services.AddScoped<Features.GetPulse.GetPulseHandler>();

        builder.Services.AddOptions<EarlyWarningOptions>().BindConfiguration(EarlyWarningOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Monitoring:EarlyWarnings:Interval debe ser mayor que cero.").ValidateOnStart();
        builder.Services.AddScoped<EarlyWarningEvaluator>();
        builder.Services.AddSingleton<EarlyWarningSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EarlyWarningSweep>());

        builder.Services.AddOptions<IndicatorsSignalOptions>().BindConfiguration(IndicatorsSignalOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero, "Monitoring:IndicatorsSignal:Interval debe ser mayor que cero.").ValidateOnStart();
        builder.Services.AddSingleton<ChangedMunicipalities>();
        builder.Services.AddHostedService<IndicatorsSignalPublisher>();

        builder.AddOpenData();
        builder.Services.AddBoardsApi("monitoring");
        return builder;
    }

    public static async Task<WebApplication> MapMonitoringServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<MonitoringDbContext>();

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapMonitoringEndpoints();
        app.MapOpenDataEndpoints();
        app.MapMessagingAdminEndpoints<MonitoringDbContext>("/api/monitoring");
        app.MapGrpcService<MonitoringGrpcService>().RequireAuthorization();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
