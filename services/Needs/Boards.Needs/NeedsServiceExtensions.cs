using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.Needs.Api;
using Boards.Needs.Api.Grpc;
using Boards.Needs.Api.Rest;
using Boards.Needs.Consumers;
using Boards.Needs.Data;
using Boards.Needs.Domain;
using Boards.Needs.Features.Assessment;
using Boards.Needs.Features.Categories;
using Boards.Needs.Features.DemoData;
using Boards.Needs.Features.GapAnalysis;
using Boards.Needs.Features.Import;
using Boards.Needs.Features.Offer;
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
        builder.Services.AddScoped<CategoryCatalog>();
        builder.Services.AddScoped<OfferCatalog>();
        builder.Services.AddScoped<AssessmentRounds>();
        GrpcBoardRoster.AddBoardRoster(builder.Services);
        builder.Services.AddScoped<GapAnalyzer>();
        builder.Services.AddScoped<GapAnalyses>();
        builder.Services.AddScoped<ReferralEvidenceRecorder>();
        builder.Services.AddScoped<OfferImporter>();
        builder.Services.AddScoped<NeedImporter>();
        builder.Services.Configure<GapAnalysisOptions>(builder.Configuration.GetSection("Needs:GapAnalysis"));

        builder.Services.AddBoardsApi<NeedsErrorMapper>("needs");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        return builder;
    }

    public static async Task<WebApplication> MapNeedsServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<NeedsDbContext>();
        await app.Services.SeedMunicipalitiesAsync<NeedsDbContext, Municipality>();
        await app.Services.SeedCategoriesAsync();
        await app.Services.SeedDemoDataAsync();

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapCategoryEndpoints();
        app.MapOfferEndpoints();
        app.MapAssessmentEndpoints();
        app.MapGapAnalysisEndpoints();
        app.MapImportEndpoints();
        app.MapGrpcService<OfferCatalogGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
