using Microsoft.Extensions.Options;

namespace Boards.Monitoring.Features.IndicatorsSignal;

/// <summary>Announces the changed municipalities every <see cref="IndicatorsSignalOptions.Interval"/>.</summary>
public sealed partial class IndicatorsSignalPublisher(
    ChangedMunicipalities changed, IOptions<IndicatorsSignalOptions> options, ILogger<IndicatorsSignalPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await changed.AnnounceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogAnnounceFailed(logger, exception, changed.PendingCount);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce changed municipalities ({Pending} pending); the next pass tries again")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, int pending);
}
