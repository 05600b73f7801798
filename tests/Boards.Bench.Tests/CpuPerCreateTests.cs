namespace Boards.Bench.Tests;

public sealed class CpuPerCreateTests
{
    private static readonly ProcessRole Referrals = ProcessRole.Service("referrals");

    [Theory]
    [InlineData(50, 250, 2.0)]
    [InlineData(1, 3, 3.333)]
    [InlineData(0, 10, 0.0)]
    public void Divides_ticks_of_a_hundredth_of_a_second_by_the_creates(long ticks, int creates, double expected) =>
        Assert.Equal(expected, CpuPerCreate.PerCreate(ticks, creates));

    [Fact]
    public void Is_not_a_number_when_nothing_was_created() =>
        Assert.True(double.IsNaN(CpuPerCreate.PerCreate(100, 0)));

    [Fact]
    public void Counts_every_part_but_the_telemetry_receiver_and_shows_harness_and_rest_apart()
    {
        var before = Sample(busy: 1_000, total: 10_000, harness: 10, (Referrals, 100), (ProcessRole.Postgres, 5_000), (ProcessRole.Dashboard, 50), (ProcessRole.Dcp, 7));
        // Over 2 s on 2 cores (400 ticks): referrals +120, PostgreSQL +100, dashboard +60, DCP +0, harness +30, 10 elsewhere.
        var after = Sample(busy: 1_320, total: 10_400, harness: 40, (Referrals, 220), (ProcessRole.Postgres, 5_100), (ProcessRole.Dashboard, 110), (ProcessRole.Dcp, 7));

        var cpu = CpuPerCreate.Compute(before, after, creates: 200, cores: 2, seconds: 2.04, drainSeconds: 0.3, neverArrived: 0);

        Assert.Null(cpu.NotMeasured);
        Assert.Equal(11.0, cpu.SystemMsPerCreate);
        Assert.Equal(3.0, cpu.TelemetryMsPerCreate);
        Assert.Equal(14.0, cpu.AllProcessesMsPerCreate);
        Assert.Equal(1.5, cpu.HarnessMsPerCreate);
        Assert.Equal(0.5, cpu.RestOfMachineMsPerCreate);
        Assert.Equal(80.0, cpu.MachineBusyPercent);
        Assert.Equal(["referrals", ProcessRole.Postgres.Name, ProcessRole.Dashboard.Name, ProcessRole.Dcp.Name], cpu.Processes.Select(p => p.Name));
        var referrals = cpu.Processes[0];
        Assert.Equal((1200.0, 6.0, 30.0, ProcessKind.Service), (referrals.CpuMs, referrals.MsPerCreate, referrals.PercentOfMachine, referrals.Kind));
    }

    [Fact]
    public void Shows_the_mail_server_but_does_not_count_it_since_production_mails_through_the_ministrys_relay()
    {
        var before = Sample(busy: 0, total: 0, harness: 0, (Referrals, 100), (ProcessRole.Mail, 10), (ProcessRole.Dashboard, 0));
        var after = Sample(busy: 400, total: 400, harness: 0, (Referrals, 200), (ProcessRole.Mail, 90), (ProcessRole.Dashboard, 20));

        var cpu = CpuPerCreate.Compute(before, after, creates: 100, cores: 2, seconds: 2, drainSeconds: 0, neverArrived: 0);

        Assert.Equal(10.0, cpu.SystemMsPerCreate);
        Assert.Equal(8.0, cpu.ExternalMsPerCreate);
        Assert.Equal(2.0, cpu.TelemetryMsPerCreate);
        Assert.Equal(20.0, cpu.AllProcessesMsPerCreate);
        Assert.Equal(ProcessKind.External, cpu.Processes.Single(p => p.Name == ProcessRole.Mail.Name).Kind);
    }

    [Fact]
    public void Never_counts_less_than_nothing_when_a_process_ended_without_a_parent_that_waited_for_it()
    {
        var before = Sample(busy: 0, total: 0, harness: 0, (Referrals, 500), (ProcessRole.Postgres, 100));
        var after = Sample(busy: 300, total: 400, harness: 0, (Referrals, 20), (ProcessRole.Postgres, 200));

        var cpu = CpuPerCreate.Compute(before, after, creates: 100, cores: 2, seconds: 2, drainSeconds: 0, neverArrived: 0);

        Assert.Equal(0, cpu.Processes.Single(p => p.Name == "referrals").CpuMs);
        Assert.Equal(10.0, cpu.SystemMsPerCreate);
    }

    [Fact]
    public void Counts_a_part_that_started_during_the_window_from_nothing()
    {
        var before = Sample(busy: 0, total: 0, harness: 0, (ProcessRole.Postgres, 100));
        var after = Sample(busy: 100, total: 400, harness: 0, (ProcessRole.Postgres, 100), (ProcessRole.RabbitMq, 40));

        var cpu = CpuPerCreate.Compute(before, after, creates: 4, cores: 2, seconds: 2, drainSeconds: 0, neverArrived: 0);

        Assert.Equal(100.0, cpu.SystemMsPerCreate);
    }

    private static CpuSample Sample(long busy, long total, long harness, params (ProcessRole Role, long Ticks)[] groups) =>
        new(new MachineTicks(busy, total), harness, groups.ToDictionary(g => g.Role, g => new GroupTicks(g.Ticks, 1)));
}
