using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Tests;

public sealed class TieredCompilationTests
{
    [Fact]
    public void The_first_sample_only_records()
    {
        var seen = new Dictionary<(int Pid, int Tid), long>();

        Assert.Equal(0, TieredCompilation.Accumulate(seen, [((10, 11), 500)], first: true));
        Assert.Equal(500, seen[(10, 11)]);
    }

    [Fact]
    public void A_known_thread_adds_its_growth_and_a_new_thread_all_of_its_time()
    {
        var seen = new Dictionary<(int Pid, int Tid), long> { [(10, 11)] = 500, [(20, 21)] = 40 };

        // Thread 11 grew by 30; thread 21 ended (nothing more to add); thread 12 started since the last sample.
        Assert.Equal(30 + 7, TieredCompilation.Accumulate(seen, [((10, 11), 530), ((10, 12), 7)], first: false));
        Assert.Equal(530, seen[(10, 11)]);
        Assert.Equal(7, seen[(10, 12)]);
    }

    [Fact]
    public void A_thread_that_ended_does_not_take_back_what_it_added()
    {
        var seen = new Dictionary<(int Pid, int Tid), long>();
        TieredCompilation.Accumulate(seen, [((10, 11), 100)], first: true);
        var total = TieredCompilation.Accumulate(seen, [((10, 11), 160)], first: false);

        total += TieredCompilation.Accumulate(seen, [], first: false);

        Assert.Equal(60, total);
    }
}
