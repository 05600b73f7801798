using Boards.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Reminders;

/// <summary>Runs the reminders sweep at start and then every <see cref="ReminderOptions.SweepInterval"/>.</summary>
public sealed class RemindersSweepService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<RemindersSweepService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Reminders sweep", options.Value.SweepInterval, clock, logger, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RemindersSweep>().RunAsync(ct);
        }, stoppingToken);
}
