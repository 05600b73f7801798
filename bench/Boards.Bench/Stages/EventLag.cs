using System.Collections.Concurrent;
using System.Diagnostics;
using Boards.Bench.Infrastructure;
using Grpc.Core;
using Npgsql;

namespace Boards.Bench.Stages;

/// <summary>
/// Event lag at a fixed rate: creates are sent on a schedule (open loop, 200/s), and monitoring's database is polled
/// every few milliseconds for the referral_facts rows of the creates acknowledged so far. A create's lag is the moment
/// the poll that first returned its fact came back, minus the moment its CreateReferral was acknowledged, on the same
/// monotonic clock. So it covers the outbox relay, RabbitMQ, the consumer and its commit, plus at most one poll.
/// </summary>
public static class EventLag
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>At most one second of creates waiting for an answer: a system behind the rate is not buried further.</summary>
    private const int MaxInFlight = 200;

    public static async Task<LagResult> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var options = system.Options;
        progress.Stage(4, $"Demora de eventos: {options.LagRatePerSecond} creaciones/s durante {options.LagDuration.TotalSeconds:0} s");
        await using var monitoring = NpgsqlDataSource.Create(options.Database("monitoringdb"));
        var backlog = await WaitForOutboxAsync(options, progress);
        var clock = Stopwatch.StartNew();
        var acknowledged = new ConcurrentDictionary<Guid, double>();
        var lags = new Latencies();
        var failures = new Failures();
        var sending = SendOnScheduleAsync(system, callers, clock, acknowledged, failures);
        var polling = PollAsync(monitoring, clock, acknowledged, lags, sending);
        var (sent, skipped) = await sending;
        var missing = await polling;
        var result = new LagResult(options.LagRatePerSecond, options.LagDuration.TotalSeconds, backlog, sent, skipped, Math.Round(sent / options.LagDuration.TotalSeconds, 1),
            lags.Summary(), missing, failures.ToDictionary());
        progress.Detail($"{backlog} pendientes en la bandeja de salida al empezar, {sent} enviadas, {skipped} no enviadas (el sistema no daba abasto), p50 {result.Lag.P50Ms} ms, p99 {result.Lag.P99Ms} ms, sin llegar: {missing}" +
            (result.Failures.Count == 0 ? "" : $", fallas: {string.Join(", ", result.Failures.Select(f => $"{f.Key}×{f.Value}"))}"));
        return result;
    }

    /// <summary>
    /// The creates of the previous stage may still wait in referrals' outbox; the lag is measured from a drained outbox
    /// (waiting at most 20 s, or 120 s in a full run). Returns what was still unpublished when the rate started.
    /// </summary>
    private static async Task<long> WaitForOutboxAsync(BenchOptions options, Progress progress)
    {
        await using var referrals = NpgsqlDataSource.Create(options.Database("referralsdb"));
        var deadline = Stopwatch.StartNew();
        var patience = options.Quick ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(120);
        while (true)
        {
            await using var count = referrals.CreateCommand("""SELECT count(*) FROM outbox_messages WHERE "PublishedAt" IS NULL AND "DeadLetteredAt" IS NULL""");
            var pending = (long)(await count.ExecuteScalarAsync())!;
            if (pending == 0 || deadline.Elapsed > patience)
            {
                return pending;
            }

            progress.Detail($"esperando que la bandeja de salida de referrals se vacíe: {pending} mensajes pendientes");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<(int Sent, int Skipped)> SendOnScheduleAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Stopwatch clock,
        ConcurrentDictionary<Guid, double> acknowledged, Failures failures)
    {
        var options = system.Options;
        var total = (int)(options.LagRatePerSecond * options.LagDuration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var pending = 0;
        var skipped = 0;
        var started = clock.Elapsed.TotalSeconds;
        for (var i = 0; i < total; i++)
        {
            var due = started + (double)i / options.LagRatePerSecond;
            while (clock.Elapsed.TotalSeconds < due)
            {
                await Task.Delay(1);
            }

            if (Volatile.Read(ref pending) >= MaxInFlight)
            {
                skipped++;
                continue;
            }

            var caller = callers[i % callers.Count];
            Interlocked.Increment(ref pending);
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    var referral = await system.Referrals.CreateReferralAsync(NewReferral.For(caller.Municipality), caller.Headers);
                    acknowledged[Guid.Parse(referral.Id)] = clock.Elapsed.TotalMilliseconds;
                }
                catch (RpcException error)
                {
                    failures.Add(error);
                }
                finally
                {
                    Interlocked.Decrement(ref pending);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return (total - skipped, skipped);
    }

    /// <summary>Polls until every acknowledged create has its fact, or gives up 30 s after the last send. Returns how many never arrived.</summary>
    private static async Task<int> PollAsync(NpgsqlDataSource monitoring, Stopwatch clock, ConcurrentDictionary<Guid, double> acknowledged, Latencies lags, Task sending)
    {
        double? sendingDoneAt = null;
        while (true)
        {
            if (sending.IsCompleted)
            {
                sendingDoneAt ??= clock.Elapsed.TotalMilliseconds;
                if (acknowledged.IsEmpty || clock.Elapsed.TotalMilliseconds - sendingDoneAt > Patience.TotalMilliseconds)
                {
                    return acknowledged.Count;
                }
            }

            var waiting = acknowledged.Keys.ToArray();
            if (waiting.Length > 0)
            {
                await using var query = monitoring.CreateCommand("SELECT referral_id FROM referral_facts WHERE referral_id = ANY($1)");
                query.Parameters.Add(new NpgsqlParameter { Value = waiting });
                await using var reader = await query.ExecuteReaderAsync();
                var seenAt = clock.Elapsed.TotalMilliseconds;
                while (await reader.ReadAsync())
                {
                    if (acknowledged.TryRemove(reader.GetGuid(0), out var acknowledgedAt))
                    {
                        lags.Add(seenAt - acknowledgedAt);
                    }
                }
            }

            await Task.Delay(PollInterval);
        }
    }
}

public sealed record LagResult(int RatePerSecond, double Seconds, long BacklogAtStart, int Sent, int SkippedBehindRate, double SentPerSecond, LatencySummary Lag, int NeverArrived, IReadOnlyDictionary<string, int> Failures);
