namespace Boards.AppHost.Shapes;

/// <summary>
/// Each module's own settings: given to the module's service in the services shape, and all of them to the one process
/// in the monolith shape. Their names carry the module's section, so they never collide in one process.
/// </summary>
public static class ModuleSettings
{
    /// <summary>E-mail through the mail server (docs/notifications.md), the directory's service account, and the portal's address for links.</summary>
    public static IResourceBuilder<ProjectResource> WithNotificationsSettings(this IResourceBuilder<ProjectResource> project, ModuleContext context) =>
        project.WithMailServer(context.Infrastructure.Mail, "Notifications")
            .WithEnvironment("Notifications__Directory__ClientSecret", context.NotificationsClientSecret)
            .WithEnvironment("Notifications__Email__PortalUrl", context.PortalUrl);

    public static IResourceBuilder<ProjectResource> WithNeedsSettings(this IResourceBuilder<ProjectResource> project, ModuleContext context) =>
        project.WithEnvironment("Needs__SeedDemoData", context.SeedDemoData);

    public static IResourceBuilder<ProjectResource> WithReferralsSettings(this IResourceBuilder<ProjectResource> project, ModuleContext context) =>
        project.WithEnvironment("Referrals__SeedDemoData", context.SeedDemoData)
            // The benchmark's gRPC echo (its transport baseline) exists only when the harness asks for it.
            .WithEnvironment("Benchmark__Echo", context.Configuration["Benchmark:Echo"] ?? "false");

    public static IResourceBuilder<ProjectResource> WithMembershipSettings(this IResourceBuilder<ProjectResource> project, ModuleContext context) =>
        project.WithEnvironment("Membership__SeedDemoData", context.SeedDemoData)
            .WithEnvironment("Membership__IdentityLink__ClientSecret", context.MembershipClientSecret);
}
