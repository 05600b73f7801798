using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Boards.Gateway.Upstream;

/// <summary>
/// A destination that refuses the connection has nobody listening: a replica that died or is restarting. It leaves the
/// rotation at once, for <see cref="ReactivationPeriod"/>, so that callers stop meeting it while the other replicas
/// serve. YARP's own failure-rate policy waits for 30 % of a minute's requests to fail, which with two replicas is
/// seconds of errors. Slow or failing answers are not judged here: they are the service's to report.
/// </summary>
public sealed class RefusedConnectionHealthPolicy(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "RefusedConnection";
    public static readonly TimeSpan ReactivationPeriod = TimeSpan.FromSeconds(10);

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (context.GetForwarderErrorFeature()?.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy,
                cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? ReactivationPeriod);
        }
    }
}
