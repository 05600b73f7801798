using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.Planning.Api;
using Boards.Planning.Api.Grpc;
using Boards.Planning.Api.Rest;
using Boards.Planning.Consumers;
using Boards.Planning.Domain;
using Boards.Planning.Features.AcceptProposal;
using Boards.Planning.Features.AddAction;
using Boards.Planning.Features.AddObjective;
using Boards.Planning.Features.AmendPlan;
using Boards.Planning.Features.ApprovePlan;
using Boards.Planning.Features.CreatePlan;
using Boards.Planning.Features.DismissProposal;
using Boards.Planning.Features.ExportPlan;
using Boards.Planning.Features.GetPlan;
using Boards.Planning.Features.GetVersionDiff;
using Boards.Planning.Features.ListActions;
using Boards.Planning.Features.ListPlans;
using Boards.Planning.Features.ListPlanVersions;
using Boards.Planning.Features.ListPrioritizedNeeds;
using Boards.Planning.Features.ListProposals;
using Boards.Planning.Features.OverdueSweep;
using Boards.Planning.Features.PrintPlan;
using Boards.Planning.Features.RecordProgress;
using Boards.Planning.Features.RemoveAction;
using Boards.Planning.Features.RemoveObjective;
using Boards.Planning.Features.UpdateAction;
using Boards.Planning.Features.UpdateObjective;
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
        builder.Services.AddScoped<PlanValidator>();
        builder.Services.AddScoped<ProposalStore>();
        builder.Services.AddScoped<CreatePlanHandler>();
        builder.Services.AddScoped<ListPlansHandler>();
        builder.Services.AddScoped<GetPlanHandler>();
        builder.Services.AddScoped<AddObjectiveHandler>();
        builder.Services.AddScoped<UpdateObjectiveHandler>();
        builder.Services.AddScoped<RemoveObjectiveHandler>();
        builder.Services.AddScoped<AddActionHandler>();
        builder.Services.AddScoped<UpdateActionHandler>();
        builder.Services.AddScoped<RemoveActionHandler>();
        builder.Services.AddScoped<RecordProgressHandler>();
        builder.Services.AddScoped<ListActionsHandler>();
        builder.Services.AddScoped<ApprovePlanHandler>();
        builder.Services.AddScoped<AmendPlanHandler>();
        builder.Services.AddScoped<ListPlanVersionsHandler>();
        builder.Services.AddScoped<GetVersionDiffHandler>();
        builder.Services.AddScoped<ListProposalsHandler>();
        builder.Services.AddScoped<AcceptProposalHandler>();
        builder.Services.AddScoped<DismissProposalHandler>();
        builder.Services.AddScoped<ListPrioritizedNeedsHandler>();
        builder.Services.AddScoped<ExportPlanHandler>();
        builder.Services.AddScoped<PrintPlanHandler>();
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
        await app.Services.MigrateDatabaseAsync<PlanningDbContext>(
            (services, ct) => services.SeedMunicipalitiesAsync<PlanningDbContext, Municipality>(ct));

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapProposalEndpoints();
        app.MapPlanEndpoints();
        app.MapExecutionEndpoints();
        app.MapApprovalEndpoints();
        app.MapExportEndpoints();
        app.MapMessagingAdminEndpoints<PlanningDbContext>("/api/plans");
        app.MapGrpcService<PlanGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
