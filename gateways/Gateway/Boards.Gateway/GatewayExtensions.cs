using Boards.Gateway.ApiReference;
using Boards.Gateway.GrpcContracts;
using Boards.Gateway.Integrators;
using Boards.Gateway.Limits;
using Boards.Gateway.RateLimiting;
using Boards.Gateway.Routing;
using Boards.Gateway.Upstream;
using Boards.ServiceDefaults;
using Boards.ServiceDefaults.Http;

namespace Boards.Gateway;

public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayLimits();
        builder.Services.AddIntegratorGate(builder.Configuration);
        builder.Services.AddClientRateLimiting(builder.Configuration);
        builder.Services.AddPulseRateLimiting(builder.Configuration);
        builder.Services.AddOpenDataRateLimiting(builder.Configuration);
        builder.Services.AddSingleton<Yarp.ReverseProxy.Health.IPassiveHealthCheckPolicy, RefusedConnectionHealthPolicy>();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.AddOpenApiDocuments();
        builder.Services.AddContractReflection();
        builder.Services.AddProtoBundle();
        return builder;
    }

    /// <summary>
    /// The gateway validates the bearer token too (401 at the door, and a trustworthy client id for rate limiting),
    /// then forwards it untouched; each service still checks scope. Rate limiting sits between authentication and
    /// authorization, so that anonymous floods are limited (per address) before they are refused. What the gateway serves
    /// itself is for discovery, without a token: the API reference and its documents, gRPC reflection and the .proto bundle
    /// (docs/integrators.md).
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseBoardsForwardedHeaders();
        app.UseGatewayLimits();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapApiReference();
        app.MapContractReflection();
        app.MapProtoBundle();
        app.MapReverseProxyWithCleanFailures();
        return app;
    }
}
