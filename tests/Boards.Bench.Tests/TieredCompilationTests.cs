using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Tests;

public sealed class TieredCompilationTests
{
    private static ProcStat Thread(int tid, string comm, long user, long system) =>
        ProcStat.Parse($"{tid} ({comm}) S 100 100 100 0 -1 4194560 900 0 0 0 {user} {system} 7 9 20 0 1 0 5000 220000000 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0");

    [Fact]
    public void Counts_only_the_runtimes_background_JIT_threads_user_and_system_time()
    {
        var threads = new[]
        {
            Thread(101, "Boards.Referral", 500, 40),
            Thread(102, ".NET TP Worker", 300, 20),
            Thread(103, ".NET Tiered Com", 120, 8),
            Thread(104, ".NET Tiered Com", 30, 2),
            Thread(105, ".NET Sockets", 10, 1),
        };

        // Children's times (7 and 9 here) are a process's, not a thread's: left out.
        Assert.Equal(160, TieredCompilation.JitThreadTicks(threads));
    }

    [Fact]
    public void A_process_without_a_JIT_thread_counts_nothing()
    {
        Assert.Equal(0, TieredCompilation.JitThreadTicks([Thread(201, "postgres", 900, 100), Thread(202, ".NET TP Worker", 1, 1)]));
    }
}
