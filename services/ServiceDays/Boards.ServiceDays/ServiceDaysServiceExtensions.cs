using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.ServiceDays.Api;
using Boards.ServiceDays.Api.Grpc;
using Boards.ServiceDays.Api.Rest;
using Boards.ServiceDays.Consumers;
using Boards.ServiceDays.Data;
using Boards.ServiceDays.Domain;
using Boards.ServiceDays.Features.Attendance;
using Boards.ServiceDays.Features.Catalog;
using Boards.ServiceDays.Features.Common;
using Boards.ServiceDays.Features.Days;
using Boards.ServiceDays.Features.Referrals;
using Boards.ServiceDays.Features.Report;
using Boards.ServiceDays.Features.RetentionSweep;
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
        builder.Services.AddScoped<ServiceDayPlanner>();
        builder.Services.AddScoped<AttendanceRecorder>();
        builder.Services.AddScoped<DayReferrals>();
        builder.Services.AddScoped<DayReports>();
        builder.Services.AddReferralSender();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        builder.Services.AddScoped<RetentionSweep>();
        builder.Services.AddHostedService<RetentionSweepService>();

        builder.Services.AddBoardsApi("servicedays");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        return builder;
    }

    public static async Task<WebApplication> MapServiceDaysServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<ServiceDaysDbContext>();
        await app.Services.SeedMunicipalitiesAsync<ServiceDaysDbContext, Municipality>();

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapServiceDayEndpoints();
        app.MapAttendanceEndpoints();
        app.MapReferralEndpoints();
        app.MapRetentionEndpoints();
        app.MapGrpcService<ServiceDayGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
