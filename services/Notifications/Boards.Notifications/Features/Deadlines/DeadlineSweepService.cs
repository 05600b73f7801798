using Boards.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Deadlines;

/// <summary>Runs the deadline sweep at start and then every <see cref="DeadlineOptions.SweepInterval"/>.</summary>
public sealed class DeadlineSweepService(IServiceScopeFactory scopes, IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<DeadlineSweepService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Deadline sweep", options.Value.SweepInterval, clock, logger, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().RunAsync(ct);
        }, stoppingToken);
}
