using Boards.BuildingBlocks.Api;
using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using Boards.Membership.Api;
using Boards.Membership.Api.Grpc;
using Boards.Membership.Api.InProcess;
using Boards.Membership.Api.Rest;
using Boards.Membership.Consumers;
using Boards.Membership.Data;
using Boards.Membership.Features.AddMember;
using Boards.Membership.Features.AppointFocalPoint;
using Boards.Membership.Features.ChangeAgreementStatus;
using Boards.Membership.Features.ChangeBoardStatus;
using Boards.Membership.Features.CloseSession;
using Boards.Membership.Features.CorrectMember;
using Boards.Membership.Features.CorrectSession;
using Boards.Membership.Features.CreateBoard;
using Boards.Membership.Features.DemoData;
using Boards.Membership.Features.EndMembership;
using Boards.Membership.Features.GetBoard;
using Boards.Membership.Features.GetPolicy;
using Boards.Membership.Features.GetRepresentativity;
using Boards.Membership.Features.GetSession;
using Boards.Membership.Features.IdentityLink;
using Boards.Membership.Features.IntegratorClients;
using Boards.Membership.Features.ListBoards;
using Boards.Membership.Features.ListFocalPoints;
using Boards.Membership.Features.ListMembers;
using Boards.Membership.Features.ListSessions;
using Boards.Membership.Features.Municipalities;
using Boards.Membership.Features.PublishPolicy;
using Boards.Membership.Features.RecordSession;
using Boards.Membership.Features.Representativity;
using Boards.Membership.Features.SetMunicipalityContext;
using Boards.Membership.Features.UpdateBoard;
using Boards.ServiceDefaults;

namespace Boards.Membership;

public static class MembershipServiceExtensions
{
    public static WebApplicationBuilder AddMembershipService(this WebApplicationBuilder builder)
    {
        var identityLinkQueue = builder.Configuration["Membership:IdentityLink:ReceiveEndpoint"] ?? FocalPointAccessRegistration.DefaultReceiveEndpoint;
        builder.AddBoardsMessaging<MembershipDbContext>("membership",
            bus =>
            {
                bus.AddConsumer<FocalPointAccessConsumer>().Endpoint(e => e.Name = identityLinkQueue);
                bus.AddConsumer<FocalPointAccountChangedConsumer>().Endpoint(e => e.Name = identityLinkQueue);
            });
        builder.Services.AddFocalPointAccess(builder.Configuration, builder.Environment);
        builder.AddServiceDatabase<MembershipDbContext>("membershipdb");

        builder.Services.AddScoped<BoardStore>();
        builder.Services.AddScoped<CreateBoardHandler>();
        builder.Services.AddScoped<ChangeBoardStatusHandler>();
        builder.Services.AddScoped<GetBoardHandler>();
        builder.Services.AddScoped<ListBoardsHandler>();
        builder.Services.AddScoped<AddMemberHandler>();
        builder.Services.AddScoped<EndMembershipHandler>();
        builder.Services.AddScoped<ListMembersHandler>();
        builder.Services.AddScoped<AppointFocalPointHandler>();
        builder.Services.AddScoped<ListFocalPointsHandler>();
        builder.Services.AddScoped<CorrectMemberHandler>();
        builder.Services.AddScoped<UpdateBoardHandler>();
        Features.ImportMembers.MemberImportRegistration.AddMemberImport(builder.Services);
        builder.Services.AddScoped<RepresentativityRecorder>();
        builder.Services.AddScoped<GetRepresentativityHandler>();
        builder.Services.AddScoped<GetPolicyHandler>();
        builder.Services.AddScoped<PublishPolicyHandler>();
        builder.Services.AddScoped<SetMunicipalityContextHandler>();
        builder.Services.AddOptions<BoardSessionOptions>().Bind(builder.Configuration.GetSection("Membership"))
            .Validate(o => o.QuorumFraction is > 0m and < 1m, "Membership:QuorumFraction must be between 0 and 1 (exclusive).")
            .ValidateOnStart();
        builder.Services.AddScoped<SessionStore>();
        builder.Services.AddScoped<RecordSessionHandler>();
        builder.Services.AddScoped<CorrectSessionHandler>();
        builder.Services.AddScoped<CloseSessionHandler>();
        builder.Services.AddScoped<ChangeAgreementStatusHandler>();
        builder.Services.AddScoped<GetSessionHandler>();
        builder.Services.AddScoped<ListSessionsHandler>();
        builder.Services.AddMunicipalityRegistry();
        builder.Services.AddIntegratorClients();

        builder.Services.AddBoardsApi<MembershipErrorMapper>("membership");
        // Here, not in AddBoardsApi: ASP.NET Core's generator writes the validation of this project's REST bodies where it sees this call.
        builder.Services.AddValidation();
        builder.Services.AddMembershipInProcessCalls();
        return builder;
    }

    public static async Task<WebApplication> MapMembershipServiceAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync<MembershipDbContext>(async (services, ct) =>
        {
            await services.SeedMunicipalitiesAsync(ct);
            await services.SeedDemoBoardsAsync(ct);
            await services.SeedRepresentativityAsync(ct);
        });

        app.UseBoardsApi();
        app.MapDefaultEndpoints();
        app.MapBoardEndpoints();
        app.MapRepresentativityEndpoints();
        app.MapSessionEndpoints();
        app.MapMunicipalityEndpoints();
        app.MapIntegratorClientEndpoints();
        app.MapMessagingAdminEndpoints<MembershipDbContext>("/api/boards");
        app.MapGrpcService<BoardGrpcService>();
        app.MapBoardsGrpcInfrastructure();
        return app;
    }
}
