using Boards.AppHost.Scaling;

namespace Boards.AppHost.Shapes;

/// <summary>The services shape (the default): each module its own process, as many replicas as Scale:Replicas.</summary>
public static class ModuleServices
{
    /// <summary>The eight services, each named after its module; the gateway references each.</summary>
    public static IReadOnlyList<ServiceReplicas> AddBoardsModuleServices(this IDistributedApplicationBuilder builder, ModuleContext context)
    {
        var (scale, ports, infrastructure, identity, issuer) = (context.Scale, context.Ports, context.Infrastructure, context.Identity, context.Issuer);

        // Notifications hears referral and warning events, so it starts before anyone who publishes them: monitoring first,
        // and everything else waits for monitoring. It sends e-mail through the mail server (docs/notifications.md).
        var notifications = builder.AddBoardsService<Projects.Boards_Notifications>("notifications", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.Notifications + offset)
            .WithBoardsDefaults(infrastructure, database: "notificationsdb", messaging: true)
            .WithAuthority(identity, issuer)
            .WithNotificationsSettings(context));

        var monitoring = builder.AddBoardsService<Projects.Boards_Monitoring>("monitoring", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.Monitoring + offset)
            .WithKestrelEndpoint("grpc", ports.MonitoringGrpc + offset, http2Only: true)
            .WithBoardsDefaults(infrastructure, database: "monitoringdb", messaging: true)
            .WithAuthority(identity, issuer))
            .WaitFor(notifications);

        // Planning and service days consume what needs and membership announce, so they start before them.
        var planning = builder.AddBoardsService<Projects.Boards_Planning>("planning", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.Planning + offset)
            .WithKestrelEndpoint("grpc", ports.PlanningGrpc + offset, http2Only: true)
            .WithBoardsDefaults(infrastructure, database: "planningdb", messaging: true)
            .WithAuthority(identity, issuer))
            .WaitFor(monitoring);

        var serviceDays = builder.AddBoardsService<Projects.Boards_ServiceDays>("servicedays", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.ServiceDays + offset)
            .WithKestrelEndpoint("grpc", ports.ServiceDaysGrpc + offset, http2Only: true)
            .WithBoardsDefaults(infrastructure, database: "servicedaysdb", messaging: true)
            .WithAuthority(identity, issuer))
            .WaitFor(monitoring);

        // The trust and participation pulse (docs/pulse.md): its answers feed monitoring, so it starts after it.
        var participation = builder.AddBoardsService<Projects.Boards_Participation>("participation", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.Participation + offset)
            .WithBoardsDefaults(infrastructure, database: "participationdb", messaging: true)
            .WithAuthority(identity, issuer))
            .WaitFor(monitoring);

        var needs = builder.AddBoardsService<Projects.Boards_Needs>("needs", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.Needs + offset)
            .WithKestrelEndpoint("grpc", ports.NeedsGrpc + offset, http2Only: true)
            .WithBoardsDefaults(infrastructure, database: "needsdb", messaging: true)
            .WithAuthority(identity, issuer)
            .WithNeedsSettings(context))
            .WaitFor(planning)
            .WaitFor(serviceDays);

        var referrals = builder.AddBoardsService<Projects.Boards_Referrals>("referrals", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.Referrals + offset)
            .WithKestrelEndpoint("grpc", ports.ReferralsGrpc + offset, http2Only: true)
            .WithBoardsDefaults(infrastructure, database: "referralsdb", messaging: true)
            .WithAuthority(identity, issuer)
            .WithReferralsSettings(context)
            // CheckAvailability before each referral, on needs' HTTP/2-only gRPC endpoint. While needs is down, referrals are
            // still accepted, marked not verified. A service-discovery name: every needs endpoint, each call to the next one.
            .WithEnvironment("Referrals__Needs__Address", "http://_grpc.needs"))
            .WithReference(needs)
            // Consumers first: an event published before its queue exists would find nowhere to go (monitoring and needs both
            // consume referral events). This orders the start only; it does not tie referrals to needs afterwards.
            .WaitFor(monitoring)
            .WaitFor(needs);

        var membership = builder.AddBoardsService<Projects.Boards_Membership>("membership", scale, (project, offset) => project
            .WithKestrelEndpoint("http", ports.Membership + offset)
            .WithKestrelEndpoint("grpc", ports.MembershipGrpc + offset, http2Only: true)
            .WithBoardsDefaults(infrastructure, database: "membershipdb", messaging: true)
            .WithAuthority(identity, issuer)
            .WithMembershipSettings(context))
            // All four consume MunicipalityRegistered, which membership announces at start. No cycle: referrals waits for
            // monitoring and needs, needs for nothing, participation for monitoring.
            .WaitFor(monitoring)
            .WaitFor(referrals)
            .WaitFor(needs)
            .WaitFor(participation);

        // Ballots are taken only from the board's current voting members: needs asks membership's ListMembers.
        needs.WithReference(membership).Each(project => project.WithEnvironment("Needs__Membership__Address", "http://_grpc.membership"));

        // Needs found on a service day become referrals: one CreateReferral per person on referrals' gRPC endpoint.
        serviceDays.WithReference(referrals).Each(project => project.WithEnvironment("ServiceDays__Referrals__Address", "http://_grpc.referrals"));

        return [referrals, monitoring, membership, needs, serviceDays, planning, notifications, participation];
    }
}
