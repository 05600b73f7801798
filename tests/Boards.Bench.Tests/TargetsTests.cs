using Boards.Bench.Infrastructure;
using Boards.Bench.Report;
using Boards.Bench.Stages;

namespace Boards.Bench.Tests;

public sealed class TargetsTests
{
    [Fact]
    public void Checks_the_single_create_p50_the_cpu_per_create_and_the_p99_at_the_highest_concurrency()
    {
        var summary = Check(singleP50: 2.9, cpuMs: 2.4, p99At32: 49);

        Assert.True(Target(summary, "create p50").Met);
        Assert.False(Target(summary, "CPU ms por creación").Met);
        Assert.True(Target(summary, "create p99").Met);
        Assert.Equal((2.9, 2.4), (summary.CreateP50Ms, summary.CpuMsPerCreate));
    }

    [Fact]
    public void Misses_the_single_create_target_above_three_milliseconds_and_meets_the_cpu_one_at_two()
    {
        var summary = Check(singleP50: 11.2, cpuMs: 2, p99At32: 151);

        Assert.False(Target(summary, "create p50").Met);
        Assert.True(Target(summary, "CPU ms por creación").Met);
        Assert.False(Target(summary, "create p99").Met);
    }

    [Fact]
    public void Leaves_the_cpu_target_unjudged_when_it_could_not_be_measured()
    {
        var summary = Check(singleP50: 2, cpuMs: null, p99At32: 10);

        Assert.Null(Target(summary, "CPU ms por creación").Met);
        Assert.Contains("sin /proc", Target(summary, "CPU ms por creación").Measured, StringComparison.Ordinal);
    }

    private static TargetCheck Target(Summary summary, string prefix) =>
        Assert.Single(summary.Targets, t => t.Name.StartsWith(prefix, StringComparison.Ordinal));

    private static Summary Check(double singleP50, double? cpuMs, double p99At32)
    {
        var none = new Dictionary<string, int>();
        LoadResult Load(int concurrency, double perSecond, double p50, double p99) => new(concurrency, perSecond, new LatencySummary(100, p50, p99, p99), none);
        var cpu = cpuMs is { } ms
            ? Infrastructure.Cpu.CpuPerCreate.Unavailable("") with { NotMeasured = null, SystemMsPerCreate = ms, AllProcessesMsPerCreate = ms + 1 }
            : Infrastructure.Cpu.CpuPerCreate.Unavailable("sin /proc");
        return Targets.Check(
            [Load(32, 13_000, 1, 3)],
            new SingleCreateResult(200, Load(1, 1500, 0.6, 1), Load(1, 90, singleP50, 20), CpuPerCreate.Unavailable("no medido")),
            [Load(1, 90, 11, 20), Load(32, 400, 60, p99At32)],
            cpu,
            new LagResult(200, 10, 0, 2000, 0, 200, new LatencySummary(2000, 40, 90, 120), 0, none),
            [new NationalResult(100_000, 22, 22, true, 1, new LatencySummary(40, 4, 8, 9), new LatencySummary(100, 5, 10, 12))],
            new PagingResult("alto-vera", 50, 200, new LatencySummary(30, 4, 5, 6), new LatencySummary(30, 4, 5, 6), 1),
            new BatchResult(100, 2, 100, 2000, 20, none, null));
    }
}
