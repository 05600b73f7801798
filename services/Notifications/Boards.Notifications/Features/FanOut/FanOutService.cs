using Boards.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.FanOut;

/// <summary>Settings under Notifications:FanOut.</summary>
public sealed class FanOutOptions
{
    public const string Section = "Notifications:FanOut";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Runs the fan-out every <see cref="FanOutOptions.Interval"/>.</summary>
public sealed class FanOutService(IServiceScopeFactory scopes, IOptions<FanOutOptions> options, TimeProvider clock, ILogger<FanOutService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Fan-out", options.Value.Interval, clock, logger, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FanOut>().RunAsync(ct);
        }, stoppingToken);
}
