using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.Planning.Api;
using Boards.Planning.Api.Grpc;
using Boards.Planning.Api.Rest;
using Boards.Planning.Consumers;
using Boards.Planning.Data;
using Boards.Planning.Domain;
using Boards.Planning.Features.Approval;
using Boards.Planning.Features.Common;
using Boards.Planning.Features.OverdueSweep;
using Boards.Planning.Features.Plans;
using Boards.Planning.Features.Progress;
using Boards.Planning.Features.Proposals;
using Boards.Planning.Features.Replicas;
using Boards.ServiceDefaults;

namespace Boards.Planning;

public static class PlanningServiceExtensions
{
    public static WebApplicationBuilder AddPlanningService(this WebApplicationBuilder builder)
    {
        var receiveEndpoint = builder.Configuration["Planning:ReceiveEndpoint"] is { Length: > 0 } configured
            ? configured
            : ConsumerRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<PlanningDbContext>("planning", bus => bus.AddPlanningConsumers(receiveEndpoint));
        builder.AddServiceDatabase<PlanningDbContext>("planningdb");

        builder.Services.AddSingleton(_ => Institutions.FromSeed());
        builder.Services.AddSingleton<PlanCalendar>();
        builder.Services.AddScoped<PlanStore>();
        builder.Services.AddScoped<PlanEditor>();
        builder.Services.AddScoped<ActionProgress>();
        builder.Services.AddScoped<PlanApprovals>();
        builder.Services.AddScoped<Proposals>();
        builder.Services.AddScoped<PrioritizedNeeds>();
        builder.Services.AddOptions<PlanningOptions>().BindConfiguration("Planning")
            .Validate(o => o.OverdueSweepInterval > TimeSpan.Zero, "Planning:OverdueSweepInterval debe ser mayor que cero.").ValidateOnStart();
        builder.Services.AddSingleton<OverdueSweepService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OverdueSweepService>());

        builder.Services.AddBoardsApi("planning");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        return builder;
    }

    public static async Task<WebApplication> MapPlanningServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<PlanningDbContext>();
        await app.Services.SeedMunicipalitiesAsync<PlanningDbContext, Municipality>();

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapProposalEndpoints();
        app.MapPlanEndpoints();
        app.MapExecutionEndpoints();
        app.MapApprovalEndpoints();
        app.MapExportEndpoints();
        app.MapGrpcService<PlanGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
