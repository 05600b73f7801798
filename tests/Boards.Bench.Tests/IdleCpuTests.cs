using System.Text;
using Boards.Bench.Report;

namespace Boards.Bench.Tests;

public sealed class IdleCpuTests
{
    private static readonly ProcessRole Referrals = ProcessRole.Service("referrals");
    private static readonly ProcessRole Membership = ProcessRole.Service("membership");

    [Fact]
    public void Gives_each_part_its_cpu_milliseconds_per_second_at_rest_and_leaves_the_telemetry_out_of_the_total()
    {
        // 4 s at rest: referrals 8 ticks (80 ms), membership 4, the dashboard 20, 2 elsewhere.
        var before = Sample(busy: 0, harness: 0, (Referrals, 100), (Membership, 50), (ProcessRole.Dashboard, 10));
        var after = Sample(busy: 34, harness: 0, (Referrals, 108), (Membership, 54), (ProcessRole.Dashboard, 30));

        var idle = IdleCpu.Compute(before, after, seconds: 4);

        Assert.Null(idle.NotMeasured);
        Assert.Equal(20.0, idle.MsPerSecondOf("referrals"));
        Assert.Equal(10.0, idle.MsPerSecondOf("membership"));
        Assert.Equal(30.0, idle.SystemMsPerSecond);
        Assert.Equal(50.0, idle.TelemetryMsPerSecond);
        Assert.Equal(5.0, idle.RestOfMachineMsPerSecond);
        Assert.Equal(0, idle.MsPerSecondOf("never seen"));
    }

    [Fact]
    public void A_create_window_net_of_idle_takes_off_each_parts_rate_times_the_windows_length_never_below_zero()
    {
        var idle = IdleCpu.Compute(
            Sample(0, 0, (Referrals, 0), (Membership, 0)),
            Sample(0, 0, (Referrals, 10), (Membership, 20)), seconds: 10); // referrals 10 ms/s, membership 20 ms/s
        // 2 s, 10 creates: referrals 120 ms (100 ms of it its own), membership 30 ms (less than its 40 ms at rest).
        var cpu = CpuPerCreate.Compute(
            Sample(0, 0, (Referrals, 0), (Membership, 0), (ProcessRole.Dashboard, 0)),
            Sample(0, 0, (Referrals, 12), (Membership, 3), (ProcessRole.Dashboard, 5)),
            creates: 10, cores: 2, seconds: 2, drainSeconds: 0, neverArrived: 0);

        Assert.Equal(15.0, cpu.SystemMsPerCreate);
        Assert.Equal(10.0, cpu.NetOfIdleMsPerCreate(cpu.Processes.Single(p => p.Name == "referrals"), idle));
        Assert.Equal(0.0, cpu.NetOfIdleMsPerCreate(cpu.Processes.Single(p => p.Name == "membership"), idle));
        Assert.Equal(10.0, cpu.SystemNetOfIdleMsPerCreate(idle));
    }

    [Fact]
    public void The_comparison_table_shows_idle_one_at_a_time_and_loaded_side_by_side()
    {
        var idle = IdleCpu.Compute(Sample(0, 0, (Referrals, 0)), Sample(0, 0, (Referrals, 10)), seconds: 10);
        var single = CpuPerCreate.Compute(Sample(0, 0, (Referrals, 0)), Sample(0, 0, (Referrals, 30)), 10, 2, 10, 0, 0);
        var loaded = CpuPerCreate.Compute(Sample(0, 0, (Referrals, 0)), Sample(0, 0, (Referrals, 100)), 500, 2, 2, 0, 0);
        var text = new StringBuilder();

        CpuComparisonTable.Render(text, idle, single, loaded, 32);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("| referrals | 10.00 | 30.000 | 20.000 | 2.000 | 1.960 |", lines[3]);
        Assert.StartsWith("| **total sin telemetría ni correo (without telemetry and mail server)** | **10.00** | **30.000** | **20.000** | **2.000** | **1.960** |", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Says_why_when_the_idle_cpu_was_not_measured()
    {
        var text = new StringBuilder();

        CpuComparisonTable.Render(text, IdleCpu.Unavailable("sin /proc"), CpuPerCreate.Unavailable("x"), CpuPerCreate.Unavailable("x"), 32);

        Assert.Equal("CPU por proceso en reposo (idle CPU per process): no medido (sin /proc)", text.ToString().Trim());
    }

    private static CpuSample Sample(long busy, long harness, params (ProcessRole Role, long Ticks)[] groups) =>
        new(new MachineTicks(busy, busy + 1000), harness, groups.ToDictionary(g => g.Role, g => new GroupTicks(g.Ticks, 1)));
}
