using Microsoft.Extensions.Logging;

namespace Boards.BuildingBlocks.Background;

/// <summary>
/// The loop of the sweeps (overdue, retention, early warnings): one pass at start and then one every interval. A failed
/// pass is logged and the next one runs on time; shutting down ends the loop quietly. A background service's
/// <c>ExecuteAsync</c> calls <see cref="RunAsync"/> with its pass.
/// </summary>
public static partial class PeriodicWork
{
    public static async Task RunAsync(
        string name, TimeSpan interval, TimeProvider clock, ILogger logger, Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            do
            {
                try
                {
                    await pass(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception, name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; it will run again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}
