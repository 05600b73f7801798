namespace Boards.Gateway.Upstream;

public static class UpstreamProxyPipeline
{
    /// <summary>YARP's default proxy pipeline (affinity, load balancing, passive health) with upstream failures made clean.</summary>
    public static IEndpointConventionBuilder MapReverseProxyWithCleanFailures(this WebApplication app) =>
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(UpstreamUnavailable.RewriteFailuresAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
}
