using Boards.Bench.Infrastructure.Memory;

namespace Boards.Bench.Tests;

public sealed class ProcMemoryTests
{
    // The lines around the two the harness reads, as /proc/<pid>/status has them (tabs, then right-aligned numbers).
    private const string Status = "Name:\tBoards.Referral\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t4242\nVmPeak:\t 12345678 kB\n" +
        "VmSize:\t 11111111 kB\nVmHWM:\t   312000 kB\nVmRSS:\t   204800 kB\nRssAnon:\t  150000 kB\nThreads:\t31\n";

    [Fact]
    public void Reads_the_resident_memory_and_its_peak_in_kib()
    {
        Assert.Equal(new ProcMemory(204800, 312000), ProcMemory.Parse(Status));
    }

    [Fact]
    public void Has_nothing_to_count_for_a_process_without_memory_of_its_own()
    {
        Assert.Null(ProcMemory.Parse("Name:\tkworker/0:1\nState:\tI (idle)\nPid:\t12\nThreads:\t1\n"));
    }

    [Fact]
    public void Takes_the_current_figure_as_the_peak_when_there_is_no_peak_line()
    {
        Assert.Equal(new ProcMemory(2048, 2048), ProcMemory.Parse("VmRSS:\t    2048 kB\n"));
    }

    [Fact]
    public void Refuses_a_line_in_another_unit()
    {
        Assert.Throws<FormatException>(() => ProcMemory.Parse("VmRSS:\t    2048 MB\n"));
    }

    [Fact]
    public void Reads_its_own_process_from_proc_when_there_is_one()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return;
        }

        var memory = ProcMemory.TryRead(Environment.ProcessId);

        Assert.NotNull(memory);
        // The test host has the runtime and xunit loaded: well over 10 MB (the runtime's own figure is read from the same file).
        Assert.InRange(memory.RssKib, 10 * 1024, long.MaxValue);
        Assert.True(memory.PeakRssKib >= memory.RssKib);
    }

    [Fact]
    public void Finds_nothing_for_a_process_that_is_not_there()
    {
        Assert.Null(ProcMemory.TryRead(int.MaxValue));
    }
}
