using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// Ready once the bus has been up at least once, and from then on whatever the broker does. At start this holds a
/// replica back until its queues are bound, so nothing published for it is missed (the AppHost starts a service's
/// publishers after its consumers are ready); later, a broker outage leaves it ready, since the outbox keeps its writes.
/// </summary>
public sealed class BusStartedHealthCheck(IBusControl bus) : IHealthCheck
{
    private volatile bool _started;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        _started = _started || bus.CheckHealth().Status == BusHealthStatus.Healthy;
        return Task.FromResult(_started
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The message bus has not started yet."));
    }
}
