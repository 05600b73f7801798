using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Municipalities;
using Boards.Participation.Api.Rest;
using Boards.Participation.Consumers;
using Boards.Participation.Domain;
using Boards.Participation.Features.AnswerWithCode;
using Boards.Participation.Features.CheckCode;
using Boards.Participation.Features.IssueSlips;
using Boards.Participation.Features.ListSlips;
using Boards.Participation.Features.RecordPaperAnswer;
using Boards.ServiceDefaults;

namespace Boards.Participation;

public static class ParticipationServiceExtensions
{
    /// <summary>Database, the municipality replica's consumer, slips, codes and answers, REST (docs/pulse.md).</summary>
    public static WebApplicationBuilder AddParticipationService(this WebApplicationBuilder builder)
    {
        var receiveEndpoint = builder.Configuration["Participation:ReceiveEndpoint"] is { Length: > 0 } configured
            ? configured
            : ConsumerRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<ParticipationDbContext>("participation", bus => bus.AddParticipationConsumers(receiveEndpoint));
        builder.AddServiceDatabase<ParticipationDbContext>("participationdb");

        builder.Services.AddOptions<ParticipationOptions>().BindConfiguration(ParticipationOptions.Section)
            .Validate(o => o.CodeLifetimeDays is >= 1 and <= 366, "Participation:CodeLifetimeDays debe estar entre 1 y 366.").ValidateOnStart();
        builder.Services.AddScoped<CodeConsumption>();
        builder.Services.AddScoped<AnswerRecorder>();
        builder.Services.AddScoped<IssueSlipsHandler>();
        builder.Services.AddScoped<ListSlipsHandler>();
        builder.Services.AddScoped<CheckCodeHandler>();
        builder.Services.AddScoped<AnswerWithCodeHandler>();
        builder.Services.AddScoped<RecordPaperAnswerHandler>();

        builder.Services.AddBoardsApi("participation");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        return builder;
    }

    public static async Task<WebApplication> MapParticipationServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<ParticipationDbContext>(
            (services, ct) => services.SeedMunicipalitiesAsync<ParticipationDbContext, Municipality>(ct));

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapSlipEndpoints();
        app.MapPublicPulseEndpoints();
        app.MapMessagingAdminEndpoints<ParticipationDbContext>("/api/participation");
        return app;
    }
}
