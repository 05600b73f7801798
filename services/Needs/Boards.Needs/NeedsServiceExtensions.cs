using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.Needs.Api;
using Boards.Needs.Api.Grpc;
using Boards.Needs.Api.InProcess;
using Boards.Needs.Api.Rest;
using Boards.Needs.Consumers;
using Boards.Needs.Domain;
using Boards.Needs.Features.AddCategory;
using Boards.Needs.Features.AddNeed;
using Boards.Needs.Features.CastBallot;
using Boards.Needs.Features.CheckAvailability;
using Boards.Needs.Features.CloseRound;
using Boards.Needs.Features.CorrectNeed;
using Boards.Needs.Features.CreateService;
using Boards.Needs.Features.DemoData;
using Boards.Needs.Features.GetGapAnalysis;
using Boards.Needs.Features.GetRanking;
using Boards.Needs.Features.GetRound;
using Boards.Needs.Features.GetService;
using Boards.Needs.Features.ImportNeeds;
using Boards.Needs.Features.ImportOffer;
using Boards.Needs.Features.ListCategories;
using Boards.Needs.Features.ListRounds;
using Boards.Needs.Features.ListServices;
using Boards.Needs.Features.OpenRound;
using Boards.Needs.Features.PublishGapAnalysis;
using Boards.Needs.Features.RecordReferralEvidence;
using Boards.Needs.Features.SeedCategories;
using Boards.Needs.Features.UpdateCapacity;
using Boards.Needs.Features.UpdateService;
using Boards.ServiceDefaults;

namespace Boards.Needs;

public static class NeedsServiceExtensions
{
    public static WebApplicationBuilder AddNeedsService(this WebApplicationBuilder builder)
    {
        var receiveEndpoint = builder.Configuration["Needs:ReceiveEndpoint"] is { Length: > 0 } configured
            ? configured
            : ConsumerRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<NeedsDbContext>("needs", bus => bus.AddNeedsConsumers(receiveEndpoint));
        builder.AddServiceDatabase<NeedsDbContext>("needsdb");

        builder.Services.AddSingleton(_ => Institutions.FromSeed());
        AddFeatures(builder.Services);
        builder.Services.AddBoardRoster();
        builder.Services.Configure<GapAnalysisOptions>(builder.Configuration.GetSection("Needs:GapAnalysis"));

        builder.Services.AddBoardsApi<NeedsErrorMapper>("needs");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        builder.Services.AddNeedsInProcessCalls();
        return builder;
    }

    /// <summary>One handler per use case (Features/&lt;UseCase&gt;/), and what several of them share.</summary>
    private static void AddFeatures(IServiceCollection services)
    {
        // Need categories
        services.AddScoped<ListCategoriesHandler>();
        services.AddScoped<AddCategoryHandler>();
        // Offer catalog
        services.AddScoped<ListServicesHandler>();
        services.AddScoped<GetServiceHandler>();
        services.AddScoped<CreateServiceHandler>();
        services.AddScoped<UpdateServiceHandler>();
        services.AddScoped<UpdateCapacityHandler>();
        services.AddScoped<CheckAvailabilityHandler>();
        services.AddScoped<OfferImporter>();
        // Needs assessment rounds
        services.AddScoped<RoundStore>();
        services.AddScoped<ListRoundsHandler>();
        services.AddScoped<OpenRoundHandler>();
        services.AddScoped<GetRoundHandler>();
        services.AddScoped<GetRankingHandler>();
        services.AddScoped<AddNeedHandler>();
        services.AddScoped<CorrectNeedHandler>();
        services.AddScoped<CastBallotHandler>();
        services.AddScoped<CloseRoundHandler>();
        services.AddScoped<NeedImporter>();
        // Gap analysis
        services.AddScoped<GapAnalyzer>();
        services.AddScoped<GetGapAnalysisHandler>();
        services.AddScoped<PublishGapAnalysisHandler>();
        services.AddScoped<ReferralEvidenceRecorder>();
    }

    public static async Task<WebApplication> MapNeedsServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<NeedsDbContext>(async (services, ct) =>
        {
            await services.SeedMunicipalitiesAsync<NeedsDbContext, Municipality>(ct);
            await services.SeedCategoriesAsync(ct);
            await services.SeedDemoDataAsync(ct);
        });

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapCategoryEndpoints();
        app.MapOfferEndpoints();
        app.MapAssessmentEndpoints();
        app.MapGapAnalysisEndpoints();
        app.MapImportEndpoints();
        app.MapMessagingAdminEndpoints<NeedsDbContext>("/api/needs");
        app.MapGrpcService<OfferCatalogGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
