using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Boards.BuildingBlocks.Modules;

/// <summary>
/// In a composed host, started right after the bus and before the modules' relays: it holds the start until every
/// receive endpoint is up (the bus is healthy), so that no relay publishes an event before the queues of the modules
/// that consume it are bound. In services mode the AppHost gives the same order by starting consumers' services first.
/// A broker that stays away past <see cref="Patience"/> lets the start go on: the outbox keeps the events until it is back.
/// </summary>
public sealed partial class BusReadyGate(IBusControl bus, TimeProvider clock, ILogger<BusReadyGate> logger) : IHostedService
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + Patience;
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (clock.GetUtcNow() > deadline)
            {
                LogNotReady(logger, Patience);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus was not ready after {Patience}: starting the relays anyway (the outbox keeps the events).")]
    private static partial void LogNotReady(ILogger logger, TimeSpan patience);
}
