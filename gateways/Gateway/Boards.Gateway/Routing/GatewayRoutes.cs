using Yarp.ReverseProxy.Configuration;

namespace Boards.Gateway.Routing;

/// <summary>
/// The public door: REST under /api/... and the gRPC services integrators call, every one behind a validated token;
/// and two named exceptions that need none: the open data at /open/v1/... (<see cref="OpenData"/>) and the pulse's answer
/// page API at /pulse/v1/... (<see cref="PublicPulse"/>). Destinations are AppHost names
/// resolved by service discovery ("http://_grpc.referrals" is the referrals service's HTTP/2-only gRPC endpoint): one
/// destination per configured endpoint, or per pod of a headless Service when host names are expanded
/// (ServiceDefaults/Discovery), and YARP picks one for each request (docs/configuration.md, "gRPC balancing").
/// gRPC reflection is not forwarded: the gateway answers it for every service (GrpcContracts/ContractReflection.cs).
/// </summary>
public static class GatewayRoutes
{
    public const string PublicPulseRouteId = "pulse-public";

    /// <summary>
    /// Anonymous by design (docs/pulse.md): a person answers with the one-time code on their slip and never signs in.
    /// Participation's /pulse/v1 only (the questionnaires, checking a code, answering), GET and POST; its own small
    /// budget per address; the caller's Authorization and Cookie headers are dropped, so nothing ties an answer to an
    /// account. Any other route opting out of authentication fails RouteTableTests.
    /// </summary>
    public static RouteConfig PublicPulse { get; } = new()
    {
        RouteId = PublicPulseRouteId,
        ClusterId = "participation",
        Match = new RouteMatch { Path = "/pulse/v1/{**rest}", Methods = ["GET", "POST"] },
        AuthorizationPolicy = "anonymous",
        RateLimiterPolicy = RateLimiting.PulseRateLimiting.PolicyName,
        Transforms =
        [
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "Authorization" },
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "Cookie" },
        ],
    };

    /// <summary>How every REST route ends: the service's path under its prefix, forwarded as it is.</summary>
    public const string RestSuffix = "/{**rest}";

    public const string OpenDataRouteId = "open-data";

    /// <summary>
    /// A proxied route without a token (docs/open-data.md), one of the two with <see cref="PublicPulse"/>: anonymous, GET and HEAD only, Monitoring's public
    /// aggregates. It has its own budget per address; the caller's Authorization and Cookie headers are dropped, so the
    /// answer never depends on who asked (and a shared cache may keep it). Any other method here needs a token like
    /// everything else, and RouteTableTests fails if a third route opts out of authentication.
    /// </summary>
    public static RouteConfig OpenData { get; } = new()
    {
        RouteId = OpenDataRouteId,
        ClusterId = "monitoring",
        Match = new RouteMatch { Path = "/open/v1/{**rest}", Methods = ["GET", "HEAD"] },
        AuthorizationPolicy = "anonymous",
        RateLimiterPolicy = RateLimiting.OpenDataRateLimiting.PolicyName,
        Transforms =
        [
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "Authorization" },
            new Dictionary<string, string> { ["RequestHeaderRemove"] = "Cookie" },
        ],
    };

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        Route("referrals-rest", "/api/referrals/{**rest}", "referrals"),
        Route("municipalities", "/api/municipalities/{**rest}", "membership"),
        Route("institutions", "/api/institutions/{**rest}", "referrals"),
        Route("monitoring-rest", "/api/monitoring/{**rest}", "monitoring"),
        Route("boards-rest", "/api/boards/{**rest}", "membership"),
        Route("integrator-clients-rest", "/api/integrator-clients/{**rest}", "membership"),
        Route("needs-rest", "/api/needs/{**rest}", "needs"),
        Route("offer-rest", "/api/offer/{**rest}", "needs"),
        Route("service-days-rest", "/api/service-days/{**rest}", "servicedays"),
        Route("plans-rest", "/api/plans/{**rest}", "planning"),
        Route("notifications-rest", "/api/notifications/{**rest}", "notifications"),
        Route("participation-rest", "/api/participation/{**rest}", "participation"),
        Route("referrals-grpc", "/boards.referrals.v1.ReferralService/{**method}", "referrals-grpc"),
        Route("bench-echo-grpc", "/boards.bench.v1.Echo/{**method}", "referrals-grpc"),
        Route("monitoring-grpc", "/boards.monitoring.v1.MonitoringService/{**method}", "monitoring-grpc"),
        Route("membership-grpc", "/boards.membership.v1.BoardService/{**method}", "membership-grpc"),
        Route("needs-grpc", "/boards.needs.v1.OfferCatalog/{**method}", "needs-grpc"),
        Route("servicedays-grpc", "/boards.servicedays.v1.ServiceDayService/{**method}", "servicedays-grpc"),
        Route("planning-grpc", "/boards.planning.v1.PlanService/{**method}", "planning-grpc"),
        PublicPulse,
        OpenData,
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        Rest("referrals", "http://referrals"),
        Rest("monitoring", "http://monitoring"),
        Rest("membership", "http://membership"),
        Rest("needs", "http://needs"),
        Rest("servicedays", "http://servicedays"),
        Rest("planning", "http://planning"),
        Rest("notifications", "http://notifications"),
        Rest("participation", "http://participation"),
        Grpc("referrals-grpc", "http://_grpc.referrals"),
        Grpc("monitoring-grpc", "http://_grpc.monitoring"),
        Grpc("membership-grpc", "http://_grpc.membership"),
        Grpc("needs-grpc", "http://_grpc.needs"),
        Grpc("servicedays-grpc", "http://_grpc.servicedays"),
        Grpc("planning-grpc", "http://_grpc.planning"),
    ];

    private static RouteConfig Route(string id, string path, string cluster) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path },
        RateLimiterPolicy = RateLimiting.ClientRateLimiting.PolicyName,
    };

    private static ClusterConfig Rest(string id, string address) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { ["default"] = new() { Address = address } },
        // A replica that refuses connections leaves the rotation (Upstream/RefusedConnectionHealthPolicy.cs).
        HealthCheck = new HealthCheckConfig
        {
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = Upstream.RefusedConnectionHealthPolicy.PolicyName,
                ReactivationPeriod = Upstream.RefusedConnectionHealthPolicy.ReactivationPeriod,
            },
        },
    };

    // gRPC endpoints are HTTP/2 cleartext only: YARP must speak HTTP/2 with prior knowledge, never negotiate down.
    private static ClusterConfig Grpc(string id, string address) => Rest(id, address) with
    {
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig
        {
            Version = new Version(2, 0),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        },
    };
}
