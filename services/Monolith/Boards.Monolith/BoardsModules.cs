using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Modules;
using Boards.Membership;
using Boards.Monitoring;
using Boards.Needs;
using Boards.Notifications;
using Boards.Participation;
using Boards.Planning;
using Boards.Referrals;
using Boards.ServiceDays;

namespace Boards.Monolith;

/// <summary>
/// Every module's own registration, called in one process. Nothing here configures a module: each one's extension
/// methods are the same as in its service's Program.cs. The host only composes them (one bus for all their consumers)
/// and lets the callees' in-process adapters answer the calls that cross modules.
/// </summary>
public static class BoardsModules
{
    public static WebApplicationBuilder AddBoardsModules(this WebApplicationBuilder builder)
    {
        builder.AddModuleSettings();
        builder.ComposeModules();
        builder.AddMonitoringService();
        builder.AddNotificationsService();
        builder.AddPlanningService();
        builder.AddServiceDaysService();
        builder.AddParticipationService();
        builder.AddNeedsService();
        builder.AddReferralsService();
        builder.AddMembershipService();
        builder.AddComposedBus();
        return builder;
    }

    /// <summary>Migrates and seeds each module's database in turn (each under its own lock), then maps every module's endpoints.</summary>
    public static async Task<WebApplication> MapBoardsModulesAsync(this WebApplication app)
    {
        await app.MapMonitoringServiceAsync();
        await app.MapNotificationsServiceAsync();
        await app.MapPlanningServiceAsync();
        await app.MapServiceDaysServiceAsync();
        await app.MapParticipationServiceAsync();
        await app.MapNeedsServiceAsync();
        await app.MapReferralsServiceAsync();
        await app.MapMembershipServiceAsync();
        return app;
    }
}
