using Boards.AppHost;
using Boards.AppHost.Infrastructure;
using Boards.AppHost.Scaling;

var builder = DistributedApplication.CreateBuilder(args);
var infrastructure = builder.AddBoardsInfrastructure();
var ports = BoardsPorts.From(builder.Configuration);
// Scale:Replicas runs every service but identity (Keycloak in production) as that many processes (docs/configuration.md).
var scale = BoardsScale.From(builder.Configuration);
var issuer = builder.Configuration["Identity:Issuer"] ?? $"http://localhost:{ports.Identity}/realms/boards";
// The service account Membership uses to grant and revoke the focal-point scope (docs/identity.md).
var membershipClientSecret = builder.Configuration["Identity:MembershipClientSecret"] ?? "membership-dev-secret";
// The read-only service account Notifications uses to find the people to notify (docs/notifications.md).
var notificationsClientSecret = builder.Configuration["Identity:NotificationsClientSecret"] ?? "notifications-dev-secret";
var portalUrl = $"http://localhost:{ports.Portal}";

var identity = builder.AddProject<Projects.Boards_Identity>("identity", launchProfileName: null)
    .WithKestrelEndpoint("http", ports.Identity)
    .WithBoardsDefaults(infrastructure, database: "identitydb", messaging: false)
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("Identity__Clients__Membership__Secret", membershipClientSecret)
    .WithEnvironment("Identity__Clients__Notifications__Secret", notificationsClientSecret);
// The portal's public client (boards-portal) accepts only the portal's own sign-in and sign-out callbacks, on each replica.
for (var replica = 1; replica <= scale.Replicas; replica++)
{
    var url = $"http://localhost:{ports.Portal + scale.Offset(replica)}";
    identity.WithEnvironment($"Identity__Portal__RedirectUris__{replica - 1}", $"{url}/signin-oidc")
        .WithEnvironment($"Identity__Portal__PostLogoutRedirectUris__{replica - 1}", $"{url}/signout-callback-oidc");
}

// Notifications hears referral and warning events, so it starts before anyone who publishes them: monitoring first,
// and everything else waits for monitoring. It sends e-mail through the mail server (docs/notifications.md).
// Notifications hears referral and warning events, so it starts before anyone who publishes them: monitoring first,
// and everything else waits for monitoring. It sends e-mail through the mail server (docs/notifications.md).
var notifications = builder.AddBoardsService<Projects.Boards_Notifications>("notifications", scale, (project, offset) => project
    .WithKestrelEndpoint("http", ports.Notifications + offset)
    .WithBoardsDefaults(infrastructure, database: "notificationsdb", messaging: true)
    .WithAuthority(identity, issuer)
    .WithMailServer(infrastructure.Mail, "Notifications")
    .WithEnvironment("Notifications__Directory__ClientSecret", notificationsClientSecret)
    .WithEnvironment("Notifications__Email__PortalUrl", portalUrl));

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
    .WithEnvironment("Needs__SeedDemoData", builder.Configuration["Demo:SeedData"] ?? "true"))
    .WaitFor(planning)
    .WaitFor(serviceDays);

var referrals = builder.AddBoardsService<Projects.Boards_Referrals>("referrals", scale, (project, offset) => project
    .WithKestrelEndpoint("http", ports.Referrals + offset)
    .WithKestrelEndpoint("grpc", ports.ReferralsGrpc + offset, http2Only: true)
    .WithBoardsDefaults(infrastructure, database: "referralsdb", messaging: true)
    .WithAuthority(identity, issuer)
    .WithEnvironment("Referrals__SeedDemoData", builder.Configuration["Demo:SeedData"] ?? "true")
    // The benchmark's gRPC echo (its transport baseline) exists only when the harness asks for it.
    .WithEnvironment("Benchmark__Echo", builder.Configuration["Benchmark:Echo"] ?? "false")
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
    .WithEnvironment("Membership__SeedDemoData", builder.Configuration["Demo:SeedData"] ?? "true")
    .WithEnvironment("Membership__IdentityLink__ClientSecret", membershipClientSecret))
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

var gateway = builder.AddBoardsService<Projects.Boards_Gateway>("gateway", scale, (project, offset) => project
    .WithKestrelEndpoint("http", ports.Gateway + offset)
    .WithKestrelEndpoint("grpc", ports.GatewayGrpc + offset, http2Only: true)
    .WithBoardsDefaults(infrastructure, database: null, messaging: false)
    .WithAuthority(identity, issuer));
foreach (var service in new[] { referrals, monitoring, membership, needs, serviceDays, planning, notifications, participation })
{
    gateway.WithReferenceAndWaitFor(service);
}

// The web portal for focal points and ministry staff (docs/portal.md): signs people in at the identity provider and
// calls the gateway's REST API with their token. Each portal replica calls the gateway replica of the same number.
var portal = builder.AddBoardsService<Projects.Boards_Portal>("portal", scale, (project, offset) => project
    .WithKestrelEndpoint("http", ports.Portal + offset)
    // Its database keeps only the sessions and the key ring; RabbitMQ only for live updates (the portal hears events
    // and tells open pages to refresh). It keeps no service's data.
    .WithBoardsDefaults(infrastructure, database: "portaldb", messaging: true)
    .WithAuthority(identity, issuer));
for (var replica = 0; replica < portal.All.Count; replica++)
{
    portal.All[replica].WithEnvironment("Portal__GatewayUrl", gateway.All[replica].GetEndpoint("http")).WaitFor(gateway.All[replica]);
}

builder.Build().Run();
