using System.Globalization;
using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;
using Boards.Bench.Stages;

namespace Boards.Bench.Report;

/// <summary>The issue's targets, checked against what the run measured.</summary>
public static class Targets
{
    public const double MaxCpuMsPerCreate = 2;
    public const double MaxSingleCreateP50Ms = 3;

    public static Summary Check(IReadOnlyList<LoadResult> baseline, SingleCreateResult single, IReadOnlyList<LoadResult> creates, CpuPerCreate cpu,
        LagResult lag, IReadOnlyList<NationalResult> national, PagingResult paging, BatchResult batch)
    {
        var createAt32 = creates[^1];
        var ratio = Math.Round(createAt32.PerSecond / baseline[^1].PerSecond, 2);
        var checks = new List<TargetCheck>
        {
            new($"create/baseline-A (concurrencia {createAt32.Concurrency})", F(ratio), "≥ 0.30", ratio >= 0.30),
            new($"create p99 (concurrencia {createAt32.Concurrency})", $"{F(createAt32.Latency.P99Ms)} ms", "≤ 50 ms", createAt32.Latency.P99Ms <= 50),
            new($"create p50, una a la vez (one at a time, {single.Calls} seguidas)", $"{F(single.Create.Latency.P50Ms)} ms (eco {F(single.Echo.Latency.P50Ms)} ms)",
                $"≤ {F(MaxSingleCreateP50Ms)} ms", single.Create.Latency.P50Ms <= MaxSingleCreateP50Ms),
            cpu.NotMeasured is { } reason
                ? new("CPU ms por creación (cpu-ms/create), sin telemetría", $"no medido ({reason})", $"≤ {F(MaxCpuMsPerCreate)} ms", null)
                : new($"CPU ms por creación (cpu-ms/create), sin telemetría (concurrencia {createAt32.Concurrency})",
                    $"{F(cpu.SystemMsPerCreate)} ms (con telemetría y correo {F(cpu.AllProcessesMsPerCreate)} ms)", $"≤ {F(MaxCpuMsPerCreate)} ms", cpu.SystemMsPerCreate <= MaxCpuMsPerCreate),
            new($"event lag p99 ({lag.RatePerSecond}/s)", $"{F(lag.Lag.P99Ms)} ms", "≤ 250 ms", lag.Lag.P99Ms <= 250 && lag.NeverArrived == 0 && lag.SkippedBehindRate == 0),
        };
        foreach (var scale in national)
        {
            var limit = scale.Referrals <= 1_000_000 ? 20 : 50;
            checks.Add(new($"national p95 ({scale.Referrals:N0} / {scale.Municipalities})", $"{F(scale.Latency.P95Ms)} ms", $"≤ {limit} ms", scale.Latency.P95Ms <= limit));
        }

        checks.Add(new("deep-page/first-page p95", F(paging.DeepOverFirst), "≤ 1.5", paging.DeepOverFirst <= 1.5));
        checks.Add(batch.BatchOverSingles is { } speedUp
            ? new($"batch {batch.BatchSize} / {batch.BatchSize} single", $"{F(speedUp)}×", "≥ 5×", speedUp >= 5)
            : new($"batch {batch.BatchSize} / {batch.BatchSize} single", $"no medido ({batch.NotMeasured})", "≥ 5×", null));
        return new Summary(ratio, Math.Round(lag.Lag.P99Ms), national[^1].Latency.P95Ms, paging.DeepOverFirst, single.Create.Latency.P50Ms, cpu.SystemMsPerCreate, checks);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
