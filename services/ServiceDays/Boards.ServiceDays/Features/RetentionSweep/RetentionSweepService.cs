using Microsoft.Extensions.Options;

namespace Boards.ServiceDays.Features.RetentionSweep;

/// <summary>Runs the retention sweep at start and then every <see cref="RetentionOptions.SweepInterval"/>.</summary>
public sealed partial class RetentionSweepService(
    IServiceScopeFactory scopes,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionSweepService> logger) : BackgroundService
{
    public const string Automatic = "automatic";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AutomaticSweep)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var run = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(Automatic, stoppingToken);
                    LogSwept(logger, run.Erased, run.ReceivedBefore);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention sweep erased the person data of {Count} undelivered referral entries received before {ReceivedBefore}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset receivedBefore);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed; it will run again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
