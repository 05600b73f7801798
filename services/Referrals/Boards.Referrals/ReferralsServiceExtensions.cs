using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.Referrals.Api;
using Boards.Referrals.Api.Grpc;
using Boards.Referrals.Api.InProcess;
using Boards.Referrals.Api.Rest;
using Boards.Referrals.Consumers;
using Boards.Referrals.Features.BatchCreateReferrals;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.DemoData;
using Boards.Referrals.Features.GetReferral;
using Boards.Referrals.Features.ReadFullReferral;
using Boards.Referrals.Features.ListReferrals;
using Boards.Referrals.Features.OverdueSweep;
using Boards.Referrals.Features.PersonRecord;
using Boards.Referrals.Features.RetentionSweep;
using Boards.Referrals.Features.ListInstitutions;
using Boards.Referrals.Features.ReferenceData;
using Boards.Referrals.Features.ServiceAvailability;
using Boards.Referrals.Features.ReadAudit;
using Boards.Referrals.Features.Transitions;
using Boards.Referrals.Features.WatchReferrals;
using Boards.ServiceDefaults;

namespace Boards.Referrals;

public static class ReferralsServiceExtensions
{
    public static WebApplicationBuilder AddReferralsService(this WebApplicationBuilder builder)
    {
        var receiveEndpoint = builder.Configuration["Referrals:ReceiveEndpoint"] is { Length: > 0 } configured
            ? configured
            : ConsumerRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<ReferralsDbContext>("referrals", bus => bus.AddReferralsConsumers(receiveEndpoint));
        builder.AddServiceDatabase<ReferralsDbContext>("referralsdb");
        var personKeySecret = ShippedSecrets.Require(builder.Configuration, builder.Environment,
            ReferralsOptions.PersonKeySecretSetting, ReferralsOptions.DevelopmentPersonKeySecret);
        builder.Services.AddOptions<ReferralsOptions>().BindConfiguration("Referrals").Configure(o => o.PersonKeySecret = personKeySecret);

        builder.Services.AddServiceAvailability();
        builder.Services.AddScoped<CreateReferralHandler>();
        builder.Services.AddSingleton<KnownReferenceCodes>();
        builder.Services.AddScoped<BatchCreateReferralsHandler>();
        builder.Services.AddScoped<ReadAuditTrail>();
        builder.Services.AddScoped<ReadAuditQuery>();
        builder.Services.AddScoped<GetReferralHandler>();
        builder.Services.AddScoped<ReadFullReferralHandler>();
        builder.Services.AddScoped<PersonRecordHandler>();
        builder.Services.AddScoped<ListReferralsHandler>();
        builder.Services.AddScoped<ListInstitutionsHandler>();
        builder.Services.AddScoped<TransitionHandler>();
        builder.Services.AddScoped<ViewFactory>();
        builder.Services.AddSingleton<ReferralChangeFeed>();
        builder.Services.AddScoped<WatchReferralsHandler>();
        builder.Services.AddHostedService<OverdueSweepService>();
        builder.Services.AddScoped<RetentionSweep>();
        builder.Services.AddHostedService<RetentionSweepService>();

        builder.Services.AddBoardsApi<ReferralErrorMapper>("referrals");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        builder.Services.AddReferralsInProcessCalls();
        return builder;
    }

    public static async Task<WebApplication> MapReferralsServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<ReferralsDbContext>(async (services, ct) =>
        {
            await services.SeedReferenceDataAsync(ct);
            await services.SeedDemoDataAsync(ct);
        });

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapReferenceDataEndpoints();
        app.MapReadAuditEndpoints();
        app.MapRetentionEndpoints();
        app.MapReferralEndpoints();
        app.MapBatchEndpoints();
        app.MapMessagingAdminEndpoints<ReferralsDbContext>("/api/referrals");
        app.MapGrpcService<ReferralGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
