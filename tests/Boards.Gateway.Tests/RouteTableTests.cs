using Boards.Gateway.RateLimiting;
using Boards.Gateway.Routing;
using Boards.Monitoring.Contracts.Grpc;
using Boards.Needs.Contracts.Grpc;
using Boards.Referrals.Contracts.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Boards.Gateway.Tests;

/// <summary>
/// The route table as the running gateway loaded it (YARP's own state, not just the static lists): REST routes go to
/// the services' HTTP endpoints, gRPC routes to their HTTP/2-only endpoints with HTTP/2 forced, every route limited, and
/// every route behind a token except the named exceptions, the open data and the public pulse (<see cref="AnonymousRoutes"/>).
/// </summary>
public sealed class RouteTableTests(RouteTableTests.Gateway gateway) : IClassFixture<RouteTableTests.Gateway>
{
    /// <summary>
    /// The gateway with service discovery configured as the AppHost's WithReference configures it
    /// (services__referrals__http__0 and services__referrals__grpc__0, likewise for monitoring).
    /// </summary>
    public sealed class Gateway : IAsyncLifetime
    {
        public const string ReferralsHttp = "http://127.0.0.1:47101/";
        public const string ReferralsGrpc = "http://127.0.0.1:47102/";
        public const string MonitoringHttp = "http://127.0.0.1:47111/";
        public const string MonitoringGrpc = "http://127.0.0.1:47112/";
        public const string MembershipHttp = "http://127.0.0.1:47121/";
        public const string MembershipGrpc = "http://127.0.0.1:47122/";
        public const string NeedsHttp = "http://127.0.0.1:47131/";
        public const string NeedsGrpc = "http://127.0.0.1:47132/";
        public const string ServiceDaysHttp = "http://127.0.0.1:47141/";
        public const string ServiceDaysGrpc = "http://127.0.0.1:47142/";
        public const string PlanningHttp = "http://127.0.0.1:47151/";
        public const string PlanningGrpc = "http://127.0.0.1:47152/";
        public const string ParticipationHttp = "http://127.0.0.1:47171/";

        private readonly GatewayHost _host = new(new Dictionary<string, string>
        {
            ["services:referrals:http:0"] = ReferralsHttp,
            ["services:referrals:grpc:0"] = ReferralsGrpc,
            ["services:monitoring:http:0"] = MonitoringHttp,
            ["services:monitoring:grpc:0"] = MonitoringGrpc,
            ["services:membership:http:0"] = MembershipHttp,
            ["services:membership:grpc:0"] = MembershipGrpc,
            ["services:needs:http:0"] = NeedsHttp,
            ["services:needs:grpc:0"] = NeedsGrpc,
            ["services:servicedays:http:0"] = ServiceDaysHttp,
            ["services:servicedays:grpc:0"] = ServiceDaysGrpc,
            ["services:planning:http:0"] = PlanningHttp,
            ["services:planning:grpc:0"] = PlanningGrpc,
            ["services:participation:http:0"] = ParticipationHttp,
        });

        public IReadOnlyList<RouteModel> Routes { get; private set; } = [];

        public IServiceProvider Services => _host.Services;

        public Task InitializeAsync()
        {
            Routes = _host.Services.GetRequiredService<IProxyStateLookup>().GetRoutes().ToList();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await _host.DisposeAsync();
    }

    private static readonly string[] GrpcServices =
    [
        ReferralService.Descriptor.FullName,
        MonitoringService.Descriptor.FullName,
        "boards.membership.v1.BoardService",
        OfferCatalog.Descriptor.FullName,
        "boards.servicedays.v1.ServiceDayService",
        "boards.planning.v1.PlanService",
        "boards.bench.v1.Echo", // the benchmark's transport baseline (bench/), served by referrals
    ];

    private static bool IsGrpc(RouteModel route) =>
        GrpcServices.Any(service => route.Config.Match.Path!.StartsWith($"/{service}/", StringComparison.Ordinal));

    /// <summary>The destination as written in GatewayRoutes, before service discovery resolves it.</summary>
    private static string ConfiguredAddress(string clusterId) =>
        Assert.Single(Assert.Single(GatewayRoutes.Clusters, c => c.ClusterId == clusterId).Destinations!.Values).Address;

    private RouteModel RouteFor(string pathPrefix) =>
        Assert.Single(gateway.Routes, r => r.Config.Match.Path!.StartsWith(pathPrefix + "/", StringComparison.Ordinal));

    [Fact]
    public void The_running_gateway_loaded_every_configured_route_and_cluster()
    {
        Assert.Equal(
            GatewayRoutes.Routes.Select(r => r.RouteId).Order(),
            gateway.Routes.Select(r => r.Config.RouteId).Order());
        Assert.All(gateway.Routes, route => Assert.NotNull(route.Cluster));
    }

    /// <summary>
    /// The routes that need no token, by name: the open data (docs/open-data.md) and the pulse's public answer API
    /// (docs/pulse.md). Adding a route here is a decision about who may call it without signing in, to be taken on
    /// purpose; a route that opts out anywhere else fails below.
    /// </summary>
    private static readonly string[] AnonymousRoutes = [GatewayRoutes.OpenDataRouteId, GatewayRoutes.PublicPulseRouteId];

    [Fact]
    public void Every_route_has_the_per_client_rate_limiter_policy_and_the_anonymous_ones_their_own_per_address()
    {
        Assert.All(gateway.Routes.Where(r => !AnonymousRoutes.Contains(r.Config.RouteId)),
            route => Assert.Equal(ClientRateLimiting.PolicyName, route.Config.RateLimiterPolicy));
        Assert.Equal(OpenDataRateLimiting.PolicyName, Assert.Single(gateway.Routes, r => r.Config.RouteId == GatewayRoutes.OpenDataRouteId).Config.RateLimiterPolicy);
        Assert.Equal(PulseRateLimiting.PolicyName, Assert.Single(gateway.Routes, r => r.Config.RouteId == GatewayRoutes.PublicPulseRouteId).Config.RateLimiterPolicy);
    }

    [Fact]
    public void Every_route_requires_authentication_through_the_fallback_policy_except_the_named_open_data_and_pulse()
    {
        // No other route opts out (AuthorizationPolicy "anonymous") or names a policy of its own: the fallback, an
        // authenticated user, applies at the gateway's door. What the gateway serves itself without a token is named in
        // AnonymousEndpointsTests.
        Assert.All(gateway.Routes.Where(r => !AnonymousRoutes.Contains(r.Config.RouteId)), route => Assert.Null(route.Config.AuthorizationPolicy));
        Assert.Equal(AnonymousRoutes.Order(), gateway.Routes.Where(r => r.Config.AuthorizationPolicy is not null).Select(r => r.Config.RouteId).Order());

        // Each exception is as narrow as it says: anonymous, only its prefix on its service, and the caller's credentials dropped.
        var open = Assert.Single(gateway.Routes, r => r.Config.RouteId == GatewayRoutes.OpenDataRouteId);
        Assert.Equal("anonymous", open.Config.AuthorizationPolicy);
        Assert.Equal("/open/v1/{**rest}", open.Config.Match.Path);
        Assert.Equal(["GET", "HEAD"], open.Config.Match.Methods!);
        Assert.Equal("monitoring", open.Cluster!.ClusterId);
        Assert.Equal(["Authorization", "Cookie"], open.Config.Transforms!.Select(t => t["RequestHeaderRemove"]));

        var pulse = Assert.Single(gateway.Routes, r => r.Config.RouteId == GatewayRoutes.PublicPulseRouteId);
        Assert.Equal("anonymous", pulse.Config.AuthorizationPolicy);
        Assert.Equal("/pulse/v1/{**rest}", pulse.Config.Match.Path);
        Assert.Equal(["GET", "POST"], pulse.Config.Match.Methods!);
        Assert.Equal("participation", pulse.Cluster!.ClusterId);
        Assert.Equal(["Authorization", "Cookie"], pulse.Config.Transforms!.Select(t => t["RequestHeaderRemove"]));
    }

    [Theory]
    [InlineData("/boards.referrals.v1.ReferralService", "referrals-grpc", "http://_grpc.referrals", Gateway.ReferralsGrpc)]
    [InlineData("/boards.monitoring.v1.MonitoringService", "monitoring-grpc", "http://_grpc.monitoring", Gateway.MonitoringGrpc)]
    [InlineData("/boards.membership.v1.BoardService", "membership-grpc", "http://_grpc.membership", Gateway.MembershipGrpc)]
    [InlineData("/boards.needs.v1.OfferCatalog", "needs-grpc", "http://_grpc.needs", Gateway.NeedsGrpc)]
    [InlineData("/boards.servicedays.v1.ServiceDayService", "servicedays-grpc", "http://_grpc.servicedays", Gateway.ServiceDaysGrpc)]
    [InlineData("/boards.planning.v1.PlanService", "planning-grpc", "http://_grpc.planning", Gateway.PlanningGrpc)]
    [InlineData("/boards.bench.v1.Echo", "referrals-grpc", "http://_grpc.referrals", Gateway.ReferralsGrpc)]
    public void Each_grpc_service_goes_to_its_services_grpc_endpoint(string pathPrefix, string clusterId, string configured, string resolved)
    {
        var route = RouteFor(pathPrefix);

        Assert.Equal(clusterId, route.Cluster!.ClusterId);
        Assert.Equal(configured, ConfiguredAddress(clusterId));
        Assert.Equal(resolved, Assert.Single(route.Cluster.Model.Config.Destinations!.Values).Address);
    }

    [Fact]
    public void The_grpc_service_names_in_the_routes_are_the_ones_in_the_contracts()
    {
        Assert.Equal("boards.referrals.v1.ReferralService", ReferralService.Descriptor.FullName);
        Assert.Equal("boards.monitoring.v1.MonitoringService", MonitoringService.Descriptor.FullName);
        Assert.Equal("boards.needs.v1.OfferCatalog", OfferCatalog.Descriptor.FullName);
        Assert.Equal(GrpcServices.Length, gateway.Routes.Count(IsGrpc));
    }

    [Fact]
    public void Every_grpc_route_forwards_with_http2_exactly()
    {
        var grpcRoutes = gateway.Routes.Where(IsGrpc).ToList();
        Assert.Equal(GrpcServices.Length, grpcRoutes.Count);

        Assert.All(grpcRoutes, route =>
        {
            var request = route.Cluster!.Model.Config.HttpRequest;
            Assert.NotNull(request);
            Assert.Equal(new Version(2, 0), request.Version);
            Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        });
    }

    [Theory]
    [InlineData("/api/referrals", "referrals", "http://referrals", Gateway.ReferralsHttp)]
    [InlineData("/api/municipalities", "membership", "http://membership", Gateway.MembershipHttp)]
    [InlineData("/api/institutions", "referrals", "http://referrals", Gateway.ReferralsHttp)]
    [InlineData("/api/monitoring", "monitoring", "http://monitoring", Gateway.MonitoringHttp)]
    [InlineData("/api/boards", "membership", "http://membership", Gateway.MembershipHttp)]
    [InlineData("/api/integrator-clients", "membership", "http://membership", Gateway.MembershipHttp)]
    [InlineData("/api/needs", "needs", "http://needs", Gateway.NeedsHttp)]
    [InlineData("/api/offer", "needs", "http://needs", Gateway.NeedsHttp)]
    [InlineData("/api/service-days", "servicedays", "http://servicedays", Gateway.ServiceDaysHttp)]
    [InlineData("/api/plans", "planning", "http://planning", Gateway.PlanningHttp)]
    [InlineData("/api/participation", "participation", "http://participation", Gateway.ParticipationHttp)]
    [InlineData("/pulse/v1", "participation", "http://participation", Gateway.ParticipationHttp)]
    [InlineData("/open/v1", "monitoring", "http://monitoring", Gateway.MonitoringHttp)]
    public void Each_rest_path_goes_to_its_services_http_endpoint(string pathPrefix, string clusterId, string configured, string resolved)
    {
        var route = RouteFor(pathPrefix);

        Assert.Equal(pathPrefix + "/{**rest}", route.Config.Match.Path);
        Assert.Equal(clusterId, route.Cluster!.ClusterId);
        Assert.Equal(configured, ConfiguredAddress(clusterId));
        Assert.Equal(resolved, Assert.Single(route.Cluster.Model.Config.Destinations!.Values).Address);
        // REST endpoints speak HTTP/1.1: forcing HTTP/2 there would break every call.
        Assert.NotEqual(new Version(2, 0), route.Cluster.Model.Config.HttpRequest?.Version);
    }

    [Fact]
    public void Every_route_is_either_rest_under_api_or_a_known_grpc_service_or_a_named_anonymous_one()
    {
        Assert.All(gateway.Routes, route =>
            Assert.True(
                IsGrpc(route) || route.Config.Match.Path!.StartsWith("/api/", StringComparison.Ordinal)
                    || AnonymousRoutes.Contains(route.Config.RouteId),
                $"Route {route.Config.RouteId} ({route.Config.Match.Path}) is neither REST nor a known gRPC service."));
    }

    [Fact]
    public async Task Every_route_and_cluster_passes_yarps_validation_against_the_gateways_services()
    {
        // YARP checks, among others, that the rate limiter policy a route names is registered.
        var validator = gateway.Services.GetRequiredService<IConfigValidator>();
        foreach (var route in GatewayRoutes.Routes)
        {
            Assert.Empty(await validator.ValidateRouteAsync(route));
        }

        foreach (var cluster in GatewayRoutes.Clusters)
        {
            Assert.Empty(await validator.ValidateClusterAsync(cluster));
        }

        var unknownPolicy = GatewayRoutes.Routes[0] with { RateLimiterPolicy = "no-such-policy" };
        Assert.NotEmpty(await validator.ValidateRouteAsync(unknownPolicy));
    }
}
