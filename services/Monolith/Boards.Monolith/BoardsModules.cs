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

/// <summary>A module as the host sees it: its name, its own registration and its own endpoints, nothing else.</summary>
public sealed record BoardsModule(string Name, Action<WebApplicationBuilder> Add, Func<WebApplication, Task> MapAsync);

/// <summary>
/// Every module's own registration, called in one process. Nothing here configures a module: each one's extension
/// methods are those its service's Program.cs calls. The host only composes them (one bus for all their consumers);
/// the calls between modules go to the callees' in-process adapters, which each callee registers itself.
/// </summary>
public static class BoardsModules
{
    /// <summary>In the order services mode starts them: consumers of an event before its publishers.</summary>
    public static readonly IReadOnlyList<BoardsModule> All =
    [
        new("monitoring", b => b.AddMonitoringService(), app => app.MapMonitoringServiceAsync()),
        new("notifications", b => b.AddNotificationsService(), app => app.MapNotificationsServiceAsync()),
        new("planning", b => b.AddPlanningService(), app => app.MapPlanningServiceAsync()),
        new("servicedays", b => b.AddServiceDaysService(), app => app.MapServiceDaysServiceAsync()),
        new("participation", b => b.AddParticipationService(), app => app.MapParticipationServiceAsync()),
        new("needs", b => b.AddNeedsService(), app => app.MapNeedsServiceAsync()),
        new("referrals", b => b.AddReferralsService(), app => app.MapReferralsServiceAsync()),
        new("membership", b => b.AddMembershipService(), app => app.MapMembershipServiceAsync()),
    ];

    public static WebApplicationBuilder AddBoardsModules(this WebApplicationBuilder builder)
    {
        builder.AddModuleSettings();
        builder.ComposeModules();
        foreach (var module in All)
        {
            module.Add(builder);
        }

        builder.AddComposedBus();
        return builder;
    }

    /// <summary>Migrates and seeds each module's database in turn (each under its own lock), and maps its endpoints.</summary>
    public static async Task<WebApplication> MapBoardsModulesAsync(this WebApplication app)
    {
        foreach (var module in All)
        {
            await module.MapAsync(app);
        }

        return app;
    }
}
