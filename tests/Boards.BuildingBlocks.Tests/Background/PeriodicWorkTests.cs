using Boards.BuildingBlocks.Background;
using Microsoft.Extensions.Logging;

namespace Boards.BuildingBlocks.Tests.Background;

/// <summary>The loop every sweep shares: a pass at start, one per interval, a failed pass logged and not fatal.</summary>
public sealed class PeriodicWorkTests
{
    [Fact]
    public async Task A_failed_pass_is_logged_and_the_next_one_still_runs_until_shutdown()
    {
        var passes = 0;
        var logger = new RecordingLogger();
        using var stop = new CancellationTokenSource();

        var loop = PeriodicWork.RunAsync("Prueba", TimeSpan.FromMilliseconds(20), TimeProvider.System, logger, _ =>
        {
            if (Interlocked.Increment(ref passes) == 1)
            {
                throw new InvalidOperationException("la primera pasada falla");
            }

            if (passes >= 3)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }, stop.Token);
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(passes >= 3);
        var error = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("Prueba", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_pass_runs_at_once_not_after_an_interval()
    {
        using var stop = new CancellationTokenSource();
        var ran = new TaskCompletionSource();

        var loop = PeriodicWork.RunAsync("Prueba", TimeSpan.FromHours(6), TimeProvider.System, new RecordingLogger(), _ =>
        {
            ran.TrySetResult();
            return Task.CompletedTask;
        }, stop.Token);

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        stop.Cancel();
        await loop.WaitAsync(TimeSpan.FromSeconds(10)); // ends quietly on shutdown
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
