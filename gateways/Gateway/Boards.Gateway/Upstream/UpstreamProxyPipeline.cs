namespace Boards.Gateway.Upstream;

public static class UpstreamProxyPipeline
{
    /// <summary>
    /// YARP's default proxy pipeline (affinity, load balancing, passive health) with upstream failures made clean, after the
    /// integrators' gate.
    /// </summary>
    public static IEndpointConventionBuilder MapReverseProxyWithCleanFailures(this WebApplication app) =>
        app.MapReverseProxy(proxy =>
        {
            // An integrator's area and access come first: a refused call never reaches a service (Integrators/IntegratorGate.cs).
            proxy.Use(Integrators.IntegratorGate.InvokeAsync);
            proxy.Use(UpstreamUnavailable.RewriteFailuresAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
}
