using Boards.Referrals.Features.Common;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Retention.AutomaticSweep)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Retention.SweepInterval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var run = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(Automatic, stoppingToken);
                    LogSwept(logger, run.Anonymised, run.ClosedBefore);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep anonymised {Count} referral(s) closed before {ClosedBefore}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset closedBefore);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it will run again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
