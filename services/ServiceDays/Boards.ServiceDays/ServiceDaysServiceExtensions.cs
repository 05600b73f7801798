using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.ServiceDays.Api;
using Boards.ServiceDays.Api.Grpc;
using Boards.ServiceDays.Api.Rest;
using Boards.ServiceDays.Consumers;
using Boards.ServiceDays.Features.CancelServiceDay;
using Boards.ServiceDays.Features.ConfirmServiceDay;
using Boards.ServiceDays.Features.EditServiceDay;
using Boards.ServiceDays.Features.GetServiceDay;
using Boards.ServiceDays.Features.HoldServiceDay;
using Boards.ServiceDays.Features.ListDayReferrals;
using Boards.ServiceDays.Features.ListRetentionRuns;
using Boards.ServiceDays.Features.ListServiceDays;
using Boards.ServiceDays.Features.PlanServiceDay;
using Boards.ServiceDays.Features.RecordAttendance;
using Boards.ServiceDays.Features.RecordReferrals;
using Boards.ServiceDays.Features.ReferralsClient;
using Boards.ServiceDays.Features.RetentionSweep;
using Boards.ServiceDays.Features.RetryReferral;
using Boards.ServiceDays.Features.SubmitServiceDayReport;
using Boards.ServiceDefaults;

namespace Boards.ServiceDays;

public static class ServiceDaysServiceExtensions
{
    public static WebApplicationBuilder AddServiceDaysService(this WebApplicationBuilder builder)
    {
        var receiveEndpoint = builder.Configuration["ServiceDays:ReceiveEndpoint"] is { Length: > 0 } configured
            ? configured
            : ConsumerRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<ServiceDaysDbContext>("servicedays", bus => bus.AddServiceDaysConsumers(receiveEndpoint));
        builder.AddServiceDatabase<ServiceDaysDbContext>("servicedaysdb");

        builder.Services.AddPersonHasher(builder.Configuration, builder.Environment);
        builder.Services.AddScoped<ServiceDayCatalog>();
        builder.Services.AddScoped<ListServiceDaysHandler>();
        builder.Services.AddScoped<GetServiceDayHandler>();
        builder.Services.AddScoped<PlanServiceDayHandler>();
        builder.Services.AddScoped<EditServiceDayHandler>();
        builder.Services.AddScoped<ConfirmServiceDayHandler>();
        builder.Services.AddScoped<HoldServiceDayHandler>();
        builder.Services.AddScoped<CancelServiceDayHandler>();
        builder.Services.AddScoped<SubmitServiceDayReportHandler>();
        builder.Services.AddSingleton<AttendanceBatchValidator>();
        builder.Services.AddScoped<RecordAttendanceHandler>();
        builder.Services.AddScoped<RecordReferralsHandler>();
        builder.Services.AddScoped<RetryReferralHandler>();
        builder.Services.AddScoped<ListDayReferralsHandler>();
        builder.Services.AddReferralSender();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        builder.Services.AddScoped<RetentionSweep>();
        builder.Services.AddScoped<ListRetentionRunsHandler>();
        builder.Services.AddHostedService<RetentionSweepService>();

        builder.Services.AddBoardsApi("servicedays");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        return builder;
    }

    public static async Task<WebApplication> MapServiceDaysServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<ServiceDaysDbContext>(
            (services, ct) => services.SeedMunicipalitiesAsync<ServiceDaysDbContext, Municipality>(ct));

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapServiceDayEndpoints();
        app.MapAttendanceEndpoints();
        app.MapReferralEndpoints();
        app.MapRetentionEndpoints();
        app.MapMessagingAdminEndpoints<ServiceDaysDbContext>("/api/service-days");
        app.MapGrpcService<ServiceDayGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
