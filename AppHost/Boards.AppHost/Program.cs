using Boards.AppHost;
using Boards.AppHost.Infrastructure;
using Boards.AppHost.Scaling;
using Boards.AppHost.Shapes;

var builder = DistributedApplication.CreateBuilder(args);
var infrastructure = builder.AddBoardsInfrastructure();
var ports = BoardsPorts.From(builder.Configuration);
// Scale:Replicas runs every service but identity (Keycloak in production) as that many processes (docs/configuration.md).
var scale = BoardsScale.From(builder.Configuration);
var shape = BoardsShapes.From(builder.Configuration);
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

// The modules: eight services (the default), or all of them in one process with Shape=monolith (docs/configuration.md,
// "Two shapes"). Either way the gateway reaches each module under its own name, so it is the same in both.
var modules = new ModuleContext(builder.Configuration, scale, ports, infrastructure, identity, issuer, membershipClientSecret,
    notificationsClientSecret, portalUrl);
var monolith = shape == BoardsShape.Monolith ? builder.AddBoardsMonolith(modules) : null;
var services = monolith is null ? builder.AddBoardsModuleServices(modules) : [];

var gateway = builder.AddBoardsService<Projects.Boards_Gateway>("gateway", scale, (project, offset) => project
    .WithKestrelEndpoint("http", ports.Gateway + offset)
    .WithKestrelEndpoint("grpc", ports.GatewayGrpc + offset, http2Only: true)
    .WithBoardsDefaults(infrastructure, database: null, messaging: false)
    .WithAuthority(identity, issuer));
if (monolith is not null)
{
    gateway.WithModulesOf(monolith, ports);
}

foreach (var service in services)
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
