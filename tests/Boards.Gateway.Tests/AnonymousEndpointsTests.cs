using System.Net;
using Boards.Gateway.ApiReference;
using Boards.Gateway.GrpcContracts;
using Boards.Gateway.RateLimiting;
using Boards.Gateway.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Gateway.Tests;

/// <summary>
/// Which of the gateway's endpoints need no token, named one by one: health, and what is for discovery (the API
/// reference and its documents, gRPC reflection, the .proto bundle). Everything else (every proxied route) needs one.
/// A new anonymous endpoint fails here until it is added, on purpose, to this list.
/// </summary>
public sealed class AnonymousEndpointsTests : IDisposable
{
    /// <summary>Anonymous and not rate limited: probes must answer even for a throttled caller.</summary>
    private static readonly string[] Health = ["/health", "/health/broker", "/alive"];

    /// <summary>Anonymous, limited per client like every proxied route.</summary>
    private static readonly string[] Discovery =
    [
        "/openapi/{name}.json",
        ApiReferencePage.Path + "/{documentName?}", // the page (/reference redirects to /reference/)
        ApiReferencePage.Path + "/scalar.js", // Scalar's own files, from its package
        ApiReferencePage.Path + "/scalar.aspnetcore.js",
        ApiReferencePage.Path + "/favicon.svg",
        ProtoBundle.Path,
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
    ];

    /// <summary>
    /// The two proxied routes without a token, each with its own per-address limit (RouteTableTests): the open data
    /// (docs/open-data.md) and the pulse's public answers (docs/pulse.md).
    /// </summary>
    private static readonly string[] PublicRoutes = [GatewayRoutes.OpenData.Match.Path!, GatewayRoutes.PublicPulse.Match.Path!];

    private readonly GatewayHost _host = new();

    public void Dispose() => _host.Dispose();

    private List<RouteEndpoint> Endpoints()
    {
        _ = _host.Server; // builds the application, and with it every endpoint
        return _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    [Fact]
    public void Only_the_named_endpoints_allow_anonymous_callers()
    {
        var anonymous = Endpoints()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(endpoint => endpoint.RoutePattern.RawText!)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(Health.Concat(Discovery).Concat(PublicRoutes).Order(StringComparer.Ordinal), anonymous.ToList());
    }

    [Fact]
    public void Discovery_endpoints_are_limited_per_client_and_health_is_not()
    {
        var endpoints = Endpoints();
        foreach (var pattern in Discovery)
        {
            var endpoint = Assert.Single(endpoints, e => e.RoutePattern.RawText == pattern);
            Assert.Equal(ClientRateLimiting.PolicyName, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
        }

        foreach (var pattern in Health)
        {
            Assert.NotNull(Assert.Single(endpoints, e => e.RoutePattern.RawText == pattern).Metadata.GetMetadata<DisableRateLimitingAttribute>());
        }
    }

    [Theory]
    [InlineData("/reference")]
    [InlineData("/protos/boards-protos.zip")]
    [InlineData("/openapi/nada.json")]
    public async Task An_anonymous_caller_is_answered_within_its_bucket_and_then_throttled(string path)
    {
        using var client = _host.ClientFrom("192.0.2.70");

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, GatewayHost.Get(path));

        Assert.NotNull(rejected);
        rejected.Dispose();
        Assert.True(before.Count >= GatewayHost.Burst);
        Assert.DoesNotContain(HttpStatusCode.Unauthorized, before);
    }

    [Fact]
    public async Task Reflection_answers_an_anonymous_caller_within_its_bucket_and_then_throttles_it()
    {
        using var client = _host.ClientFrom("192.0.2.71");

        // An empty request stream: reflection answers nothing and ends the call with status OK.
        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, () =>
            new HttpRequestMessage(HttpMethod.Post, "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
            {
                Version = HttpVersion.Version20,
                Content = new ByteArrayContent([]) { Headers = { ContentType = new("application/grpc") } },
            });

        Assert.NotNull(rejected);
        rejected.Dispose();
        Assert.True(before.Count >= GatewayHost.Burst);
        Assert.All(before, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
