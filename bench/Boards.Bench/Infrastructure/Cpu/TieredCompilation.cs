using System.Globalization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>
/// The CPU of the .NET runtime's background JIT thread (".NET Tiered Compilation", named ".NET Tiered Com" in /proc)
/// in every Boards service: the work of recompiling hot methods, optimized (tier 1, with dynamic PGO), that a running
/// service does once and then no more. While it is busy, the services are still warming up, and a step measured then
/// charges that one-time work to its calls: the first quick runs charged referrals about 9 ms per create for it.
/// The runtime ends the thread when it has been idle a while and starts a new one for new work, so the threads are
/// sampled every <see cref="SampleInterval"/> and each one's growth is added up (<see cref="Accumulate"/>): a thread
/// that ends between two samples loses at most that interval's work.
/// </summary>
public sealed class TieredCompilation : IAsyncDisposable
{
    /// <summary>The thread's name as /proc shows it: the runtime's ".NET Tiered Compilation Worker", cut to 15 characters.</summary>
    public const string ThreadName = ".NET Tiered Com";

    public static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(200);

    private readonly IReadOnlyList<int> _services;
    private readonly Dictionary<(int Pid, int Tid), long> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _ticks;

    private TieredCompilation(IReadOnlyList<int> services)
    {
        _services = services;
        Accumulate(_seen, JitThreads(services), first: true);
        _sampling = services.Count == 0 ? Task.CompletedTask : SampleAsync(_stop.Token);
    }

    /// <summary>Starts counting in the services found on the system's ports (none when the system runs elsewhere).</summary>
    public static TieredCompilation Start(BenchOptions options)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/stat"))
        {
            return new TieredCompilation([]);
        }

        var (_, anchors) = SystemProcesses.Find(options);
        return new TieredCompilation(anchors.Where(a => a.Value.Kind == ProcessKind.Service).Select(a => a.Key).ToList());
    }

    /// <summary>Whether any service was found to count in.</summary>
    public bool Measurable => _services.Count > 0;

    /// <summary>Stops sampling and gives the milliseconds of CPU the services' JIT threads used since <see cref="Start"/>.</summary>
    public async Task<double> FinishAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        lock (_seen)
        {
            _ticks += Accumulate(_seen, JitThreads(_services), first: false);
            return _ticks * 1000.0 / ProcStat.TicksPerSecond;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    /// <summary>
    /// Adds to <paramref name="seen"/> the threads sampled now and returns their CPU since the previous sample: a known
    /// thread's growth, and all of a thread that was not there before (it started since). The first sample only records.
    /// </summary>
    public static long Accumulate(Dictionary<(int Pid, int Tid), long> seen, IEnumerable<((int Pid, int Tid) Thread, long Ticks)> now, bool first)
    {
        var grown = 0L;
        foreach (var (thread, ticks) in now)
        {
            if (!first)
            {
                grown += seen.TryGetValue(thread, out var before) ? Math.Max(0, ticks - before) : ticks;
            }

            seen[thread] = ticks;
        }

        return grown;
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                lock (_seen)
                {
                    _ticks += Accumulate(_seen, JitThreads(_services), first: false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static IEnumerable<((int Pid, int Tid) Thread, long Ticks)> JitThreads(IReadOnlyList<int> pids) =>
        pids.SelectMany(pid => ThreadsOf(pid)
            .Where(thread => thread.Comm == ThreadName)
            .Select(thread => ((pid, thread.Pid), thread.UserTicks + thread.SystemTicks)))
            .ToList();

    private static IEnumerable<ProcStat> ThreadsOf(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            ProcStat? stat;
            try
            {
                stat = ProcStat.Parse(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            yield return stat;
        }
    }
}
