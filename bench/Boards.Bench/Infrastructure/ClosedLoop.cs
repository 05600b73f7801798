using System.Diagnostics;
using Grpc.Core;

namespace Boards.Bench.Infrastructure;

/// <summary>
/// N workers, each sending its next call as soon as the previous one answers, for a fixed time: the throughput a
/// given concurrency reaches and the latency of every call. Failures are counted by kind, never retried.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, CancellationToken, Task> call)
    {
        await WarmUpAsync(concurrency, call);
        var latencies = new Latencies();
        var failures = new Failures();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(worker, CancellationToken.None);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception error) when (IsCallFailure(error))
                {
                    failures.Add(error);
                }
            }
        }));
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult(concurrency, Math.Round(latencies.Count / seconds, 1), latencies.Summary(), failures.ToDictionary());
    }

    /// <summary>
    /// One caller, <paramref name="calls"/> calls one after another after <paramref name="warmUpCalls"/> unmeasured
    /// ones: a call's own latency on a system that serves nobody else.
    /// </summary>
    public static async Task<LoadResult> RunSequentialAsync(int calls, int warmUpCalls, Func<int, CancellationToken, Task> call)
    {
        for (var i = 0; i < warmUpCalls; i++)
        {
            try
            {
                await call(0, CancellationToken.None);
            }
            catch (Exception error) when (IsCallFailure(error))
            {
                // Counted in the measured part, if it keeps failing.
            }
        }

        var latencies = new Latencies();
        var failures = new Failures();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call(0, CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception error) when (IsCallFailure(error))
            {
                failures.Add(error);
            }
        }

        return new LoadResult(1, Math.Round(latencies.Count / clock.Elapsed.TotalSeconds, 1), latencies.Summary(), failures.ToDictionary());
    }

    /// <summary>A few unmeasured calls per worker first: connections, JIT and caches are not what is being measured.</summary>
    private static async Task WarmUpAsync(int concurrency, Func<int, CancellationToken, Task> call)
    {
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    await call(worker, CancellationToken.None);
                }
                catch (Exception error) when (IsCallFailure(error))
                {
                    // Counted in the measured part, if it keeps failing.
                }
            }
        })));
    }

    private static bool IsCallFailure(Exception error) =>
        error is RpcException or HttpRequestException or Npgsql.NpgsqlException or InvalidOperationException;
}

public sealed record LoadResult(int Concurrency, double PerSecond, LatencySummary Latency, IReadOnlyDictionary<string, int> Failures);
