using System.Globalization;
using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;
using Boards.Bench.Infrastructure.Memory;
using Boards.Bench.Stages;

namespace Boards.Bench.Report;

/// <summary>
/// The limits that differ between the shapes: issue 21's for the services (CPU per create ≤ 2 ms, one create's p50 ≤ 3 ms,
/// no memory target), issue 23's for the monolith (≤ 1 ms, ≤ 2 ms, Boards' .NET processes ≤ 500 MB resident after the load).
/// </summary>
public sealed record ModeTargets(double MaxCpuMsPerCreate, double MaxSingleCreateP50Ms, double? MaxDotNetRssMb);

/// <summary>The issues' targets, checked against what the run measured.</summary>
public static class Targets
{
    public static ModeTargets For(BenchMode mode) => mode == BenchMode.Monolith ? new(1, 2, 500) : new(2, 3, null);

    public static Summary Check(BenchMode mode, IReadOnlyList<LoadResult> baseline, SingleCreateResult single, IReadOnlyList<LoadResult> creates, CpuPerCreate cpu,
        LagResult lag, IReadOnlyList<NationalResult> national, PagingResult paging, BatchResult batch, DotNetMemory memory)
    {
        var limits = For(mode);
        var createAt32 = creates[^1];
        var ratio = Math.Round(createAt32.PerSecond / baseline[^1].PerSecond, 2);
        var checks = new List<TargetCheck>
        {
            new($"create/baseline-A (concurrencia {createAt32.Concurrency})", F(ratio), "≥ 0.30", ratio >= 0.30),
            new($"create p99 (concurrencia {createAt32.Concurrency})", $"{F(createAt32.Latency.P99Ms)} ms", "≤ 50 ms", createAt32.Latency.P99Ms <= 50),
            new($"create p50, una a la vez (one at a time, {single.Calls} seguidas)", $"{F(single.Create.Latency.P50Ms)} ms (eco {F(single.Echo.Latency.P50Ms)} ms)",
                $"≤ {F(limits.MaxSingleCreateP50Ms)} ms", single.Create.Latency.P50Ms <= limits.MaxSingleCreateP50Ms),
            cpu.NotMeasured is { } reason
                ? new("CPU ms por creación (cpu-ms/create), sin telemetría", $"no medido ({reason})", $"≤ {F(limits.MaxCpuMsPerCreate)} ms", null)
                : new($"CPU ms por creación (cpu-ms/create), sin telemetría (concurrencia {createAt32.Concurrency})",
                    $"{F(cpu.SystemMsPerCreate)} ms (con telemetría y correo {F(cpu.AllProcessesMsPerCreate)} ms)", $"≤ {F(limits.MaxCpuMsPerCreate)} ms",
                    cpu.SystemMsPerCreate <= limits.MaxCpuMsPerCreate),
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
        checks.Add(Memory(memory, limits));
        return new Summary(ratio, Math.Round(lag.Lag.P99Ms), national[^1].Latency.P95Ms, paging.DeepOverFirst, single.Create.Latency.P50Ms, cpu.SystemMsPerCreate,
            Math.Round(memory.TotalMb), checks);
    }

    private static TargetCheck Memory(DotNetMemory memory, ModeTargets limits)
    {
        const string name = "memoria residente .NET tras la carga (dotnet-rss-mb)";
        var target = limits.MaxDotNetRssMb is { } max ? $"≤ {F(max)} MB" : "– (el monolito: ≤ 500 MB)";
        return memory.NotMeasured is { } reason
            ? new(name, $"no medido ({reason})", target, null)
            : new(name, $"{memory.TotalMb:0} MB en {memory.CountedProcesses} procesos", target, limits.MaxDotNetRssMb is { } limit ? memory.TotalMb <= limit : null);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
