using Boards.AppHost.Infrastructure;
using Boards.AppHost.Scaling;
using Microsoft.Extensions.Configuration;

namespace Boards.AppHost.Shapes;

/// <summary>What the AppHost gives the modules' processes, in either shape.</summary>
/// <param name="MembershipClientSecret">The service account Membership uses to grant and revoke the focal-point scope (docs/identity.md).</param>
/// <param name="NotificationsClientSecret">The read-only service account Notifications uses to find the people to notify (docs/notifications.md).</param>
public sealed record ModuleContext(
    IConfiguration Configuration,
    BoardsScale Scale,
    BoardsPorts Ports,
    BoardsInfrastructure Infrastructure,
    IResourceBuilder<ProjectResource> Identity,
    string Issuer,
    string MembershipClientSecret,
    string NotificationsClientSecret,
    string PortalUrl)
{
    public string SeedDemoData => Configuration["Demo:SeedData"] ?? "true";
}
