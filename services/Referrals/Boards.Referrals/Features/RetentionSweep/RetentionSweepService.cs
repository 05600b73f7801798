using Boards.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.RetentionSweep;

/// <summary>Runs the retention sweep at start and then every <see cref="RetentionOptions.SweepInterval"/>.</summary>
public sealed partial class RetentionSweepService(
    IServiceScopeFactory scopes,
    IOptions<ReferralsOptions> options,
    TimeProvider clock,
    ILogger<RetentionSweepService> logger) : BackgroundService
{
    public const string Automatic = "automatic";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Retention.AutomaticSweep
            ? PeriodicWork.RunAsync("Retention sweep", options.Value.Retention.SweepInterval, clock, logger, SweepOnceAsync, stoppingToken)
            : Task.CompletedTask;

    private async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(Automatic, cancellationToken);
        LogSwept(logger, run.Anonymised, run.ClosedBefore);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep anonymised {Count} referral(s) closed before {ClosedBefore}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset closedBefore);
}
