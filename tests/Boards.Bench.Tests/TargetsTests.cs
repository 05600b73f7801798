using Boards.Bench.Infrastructure.Memory;
using Boards.Bench.Report;
using static Boards.Bench.Tests.BenchFixtures;

namespace Boards.Bench.Tests;

public sealed class TargetsTests
{
    private static readonly DotNetMemory Gigabytes = Memory(("gateway", 150), ("referrals", 250), ("monitoring", 1500));

    [Fact]
    public void Checks_the_single_create_p50_the_cpu_per_create_and_the_p99_at_the_highest_concurrency()
    {
        var summary = Check(BenchMode.Services, singleP50: 2.9, CpuOf(2.4), p99At32: 49, Gigabytes);

        Assert.True(Target(summary, "create p50").Met);
        Assert.False(Target(summary, "CPU ms por creación").Met);
        Assert.True(Target(summary, "create p99").Met);
        Assert.Equal((2.9, 2.4, 1900.0), (summary.CreateP50Ms, summary.CpuMsPerCreate, summary.DotNetRssMb));
    }

    [Fact]
    public void Misses_the_single_create_target_above_three_milliseconds_and_meets_the_cpu_one_at_two()
    {
        var summary = Check(BenchMode.Services, singleP50: 11.2, CpuOf(2), p99At32: 151, Gigabytes);

        Assert.False(Target(summary, "create p50").Met);
        Assert.True(Target(summary, "CPU ms por creación").Met);
        Assert.False(Target(summary, "create p99").Met);
    }

    [Fact]
    public void Leaves_the_cpu_target_unjudged_when_it_could_not_be_measured()
    {
        var summary = Check(BenchMode.Services, singleP50: 2, CpuOf(null), p99At32: 10, Gigabytes);

        Assert.Null(Target(summary, "CPU ms por creación").Met);
        Assert.Contains("sin /proc", Target(summary, "CPU ms por creación").Measured, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_services_memory_without_judging_it_since_only_the_monolith_has_a_memory_target()
    {
        var memory = Target(Check(BenchMode.Services, 2, CpuOf(1), 10, Gigabytes), "memoria residente");

        Assert.Null(memory.Met);
        Assert.Equal("1900 MB en 3 procesos", memory.Measured);
        Assert.StartsWith("–", memory.Target, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.9, 0.9, 480, true, true, true)]
    [InlineData(2.1, 1.1, 520, false, false, false)]
    [InlineData(2.0, 1.0, 500, true, true, true)]
    public void Holds_the_monolith_to_one_millisecond_of_cpu_two_of_p50_and_500_MB_of_resident_memory(
        double singleP50, double cpuMs, double rssMb, bool p50Met, bool cpuMet, bool memoryMet)
    {
        var summary = Check(BenchMode.Monolith, singleP50, CpuOf(cpuMs), 10, Memory(("gateway", rssMb - 100), ("monolith", 100)));

        Assert.Equal((p50Met, "≤ 2 ms"), (Target(summary, "create p50").Met!.Value, Target(summary, "create p50").Target));
        Assert.Equal((cpuMet, "≤ 1 ms"), (Target(summary, "CPU ms por creación").Met!.Value, Target(summary, "CPU ms por creación").Target));
        Assert.Equal((memoryMet, "≤ 500 MB"), (Target(summary, "memoria residente").Met!.Value, Target(summary, "memoria residente").Target));
    }

    [Fact]
    public void Leaves_the_memory_target_unjudged_when_it_could_not_be_measured()
    {
        var summary = Check(BenchMode.Monolith, 1, CpuOf(0.5), 10, DotNetMemory.Unavailable("sin /proc"));

        Assert.Null(Target(summary, "memoria residente").Met);
        Assert.True(double.IsNaN(summary.DotNetRssMb));
    }

    private static TargetCheck Target(Summary summary, string prefix) =>
        Assert.Single(summary.Targets, t => t.Name.StartsWith(prefix, StringComparison.Ordinal));
}
