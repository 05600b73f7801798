using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Memory;
using Boards.Bench.Report;
using Boards.Bench.Stages;

namespace Boards.Bench.Tests;

/// <summary>The results of a run as the harness builds them, with the figures a test varies given and the rest fixed.</summary>
internal static class BenchFixtures
{
    private static readonly Dictionary<string, int> None = [];

    public static LoadResult Load(int concurrency, double perSecond, double p50, double p99) => new(concurrency, perSecond, new LatencySummary(100, p50, p99, p99), None);

    /// <summary>A CPU window of 100 creates over 2 s on 2 cores; each part's ticks (10 ms each) as given.</summary>
    public static CpuPerCreate Cpu(params (ProcessRole Role, long Ticks)[] parts) =>
        CpuPerCreate.Compute(
            new CpuSample(new MachineTicks(0, 0), 0, parts.ToDictionary(p => p.Role, _ => new GroupTicks(0, 1))),
            new CpuSample(new MachineTicks(parts.Sum(p => p.Ticks), 400), 0, parts.ToDictionary(p => p.Role, p => new GroupTicks(p.Ticks, 1))),
            creates: 100, cores: 2, seconds: 2, drainSeconds: 0, neverArrived: 0);

    /// <summary>A CPU figure of exactly <paramref name="ms"/> per create, or not measured.</summary>
    public static CpuPerCreate CpuOf(double? ms) => ms is { } value
        ? CpuPerCreate.Unavailable("") with { NotMeasured = null, SystemMsPerCreate = value, AllProcessesMsPerCreate = value + 1 }
        : CpuPerCreate.Unavailable("sin /proc");

    public static DotNetMemory Memory(params (string Name, double RssMb)[] counted) =>
        new(counted.Select(c => new ProcessMemory(c.Name, ProcessKind.Service, 1, c.RssMb, c.RssMb + 10, Counted: true)).ToList(),
            counted.Length, counted.Sum(c => c.RssMb), counted.Sum(c => c.RssMb + 10), null);

    public static Summary Check(BenchMode mode, double singleP50, CpuPerCreate cpu, double p99At32, DotNetMemory memory) =>
        Targets.Check(mode,
            [Load(32, 13_000, 1, 3)],
            new SingleCreateResult(200, Load(1, 1500, 0.6, 1), Load(1, 90, singleP50, 20), CpuPerCreate.Unavailable("no medido")),
            [Load(1, 90, 11, 20), Load(32, 400, 60, p99At32)],
            cpu,
            new LagResult(200, 10, 0, 2000, 0, 200, new LatencySummary(2000, 40, 90, 120), 0, None),
            [new NationalResult(100_000, 22, 22, true, 1, new LatencySummary(40, 4, 8, 9), new LatencySummary(100, 5, 10, 12))],
            new PagingResult("alto-vera", 50, 200, new LatencySummary(30, 4, 5, 6), new LatencySummary(30, 4, 5, 6), 1),
            new BatchResult(100, 2, 100, 2000, 20, None, null),
            memory);

    public static BenchResults Results(BenchMode mode, double singleP50, CpuPerCreate cpu, DotNetMemory memory)
    {
        var summary = Check(mode, singleP50, cpu, 40, memory);
        var idle = IdleCpu.Unavailable("no medido");
        return new BenchResults(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), 95, true, mode.Name(), "http://localhost:5080/", "iniciado por bench.sh",
            new Machine(2, 7.8, "Linux", "cpu", "PostgreSQL 15", ".NET 10"),
            new WarmUpResult(15, Load(8, 1000, 1, 2), Load(8, 300, 5, 9), [400, 40], true),
            [Load(32, 13_000, 1, 3)], [Load(32, 9000, 2, 5)], idle,
            new SingleCreateResult(200, Load(1, 1500, 0.6, 1), Load(1, 90, singleP50, 20), cpu),
            [Load(1, 90, 11, 20), Load(32, 400, 60, 40)], cpu,
            new LagResult(200, 10, 0, 2000, 0, 200, new LatencySummary(2000, 40, 90, 120), 0, None),
            [new NationalResult(100_000, 22, 22, true, 1, new LatencySummary(40, 4, 8, 9), new LatencySummary(100, 5, 10, 12))],
            new PagingResult("alto-vera", 50, 200, new LatencySummary(30, 4, 5, 6), new LatencySummary(30, 4, 5, 6), 1),
            new BatchResult(100, 2, 100, 2000, 20, None, null), memory, summary);
    }
}
