namespace Boards.Bench.Tests;

public sealed class ProcStatTests
{
    // A real line (cat reading its own stat), with utime 7, stime 3, cutime 2, cstime 1 and starttime 6857723 set apart.
    private const string Cat = "24597 (cat) R 24592 24592 21905 0 -1 4194304 102 0 0 0 7 3 2 1 20 0 1 0 6857723 3133440 412 18446744073709551615 94170339946496 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    [Fact]
    public void Reads_the_pid_name_parent_and_times_of_a_plain_line()
    {
        var stat = ProcStat.Parse(Cat);

        Assert.Equal(24597, stat.Pid);
        Assert.Equal("cat", stat.Comm);
        Assert.Equal('R', stat.State);
        Assert.Equal(24592, stat.ParentPid);
        Assert.Equal(7, stat.UserTicks);
        Assert.Equal(3, stat.SystemTicks);
        Assert.Equal(2, stat.ChildUserTicks);
        Assert.Equal(1, stat.ChildSystemTicks);
        Assert.Equal(6857723, stat.StartTicks);
        Assert.Equal(13, stat.TotalTicks);
    }

    [Theory]
    [InlineData("Aspire.Dashboar")]
    [InlineData("Web Content")]
    [InlineData("my (odd) proc")]
    [InlineData("x) S 1 2 3 (y")]
    [InlineData(")")]
    public void Takes_the_name_up_to_the_last_closing_parenthesis_so_spaces_and_parentheses_in_it_do_not_shift_the_fields(string comm)
    {
        var stat = ProcStat.Parse(Cat.Replace("(cat)", $"({comm})", StringComparison.Ordinal));

        Assert.Equal(comm, stat.Comm);
        Assert.Equal('R', stat.State);
        Assert.Equal(24592, stat.ParentPid);
        Assert.Equal(7, stat.UserTicks);
        Assert.Equal(6857723, stat.StartTicks);
    }

    [Fact]
    public void Reads_a_postgres_backend_whose_name_is_the_rewritten_process_title()
    {
        var stat = ProcStat.Parse("401 (postgres) S 400 400 400 0 -1 4194560 900 0 0 0 1523 611 0 0 20 0 1 0 5000 220000000 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0");

        Assert.Equal(("postgres", 400, 2134L), (stat.Comm, stat.ParentPid, stat.TotalTicks));
    }

    [Theory]
    [InlineData("")]
    [InlineData("24597 cat R 24592")]
    [InlineData("24597 (cat) R 24592 24592")]
    public void Refuses_a_line_that_is_not_a_stat_line(string line) =>
        Assert.Throws<FormatException>(() => ProcStat.Parse(line));

    [Fact]
    public void Reads_its_own_process_from_proc_when_there_is_one()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return;
        }

        var stat = ProcessTable.TryReadStat(Environment.ProcessId);

        Assert.NotNull(stat);
        Assert.Equal(Environment.ProcessId, stat.Pid);
    }

    [Fact]
    public void Counts_busy_machine_time_as_everything_but_idle_and_iowait()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice
        var ticks = MachineTicks.Parse("cpu  700 10 200 5000 30 0 40 20 99 99");

        Assert.Equal(6000, ticks.Total);
        Assert.Equal(970, ticks.Busy);
    }
}
