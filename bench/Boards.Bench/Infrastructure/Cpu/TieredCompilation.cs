using System.Globalization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>
/// The CPU of the .NET runtime's background JIT thread (".NET Tiered Compilation", named ".NET Tiered Com" in /proc)
/// in every Boards service: the work of recompiling hot methods, optimized (tier 1, with dynamic PGO), that a running
/// service does once and then no more. While it is busy, the services are still warming up, and a step measured then
/// charges that one-time work to its calls: the first quick runs charged referrals about 9 ms per create for it.
/// </summary>
public sealed class TieredCompilation
{
    /// <summary>The thread's name as /proc shows it: the runtime's ".NET Tiered Compilation Worker", cut to 15 characters.</summary>
    public const string ThreadName = ".NET Tiered Com";

    private readonly IReadOnlyList<int> _services;
    private readonly long _before;

    private TieredCompilation(IReadOnlyList<int> services)
    {
        _services = services;
        _before = Ticks(services);
    }

    /// <summary>Starts counting in the services found on the system's ports (none when the system runs elsewhere).</summary>
    public static TieredCompilation Start(BenchOptions options)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/stat"))
        {
            return new TieredCompilation([]);
        }

        var ports = SystemPorts.For(options);
        var anchors = SystemProcesses.Anchors(ProcessTable.Read(), ListeningSockets.Owners(ports.Keys.ToList()), ports);
        return new TieredCompilation(anchors.Where(a => a.Value.Kind == ProcessKind.Service).Select(a => a.Key).ToList());
    }

    /// <summary>Whether any service was found to count in.</summary>
    public bool Measurable => _services.Count > 0;

    /// <summary>Milliseconds of CPU the services' JIT threads used since <see cref="Start"/>.</summary>
    public double Milliseconds() => (Ticks(_services) - _before) * 1000.0 / ProcStat.TicksPerSecond;

    private static long Ticks(IReadOnlyList<int> pids) => pids.Sum(pid => JitThreadTicks(ThreadsOf(pid)));

    /// <summary>The summed CPU of the threads named <see cref="ThreadName"/> among one process's threads.</summary>
    public static long JitThreadTicks(IEnumerable<ProcStat> threads) =>
        threads.Where(thread => thread.Comm == ThreadName).Sum(thread => thread.UserTicks + thread.SystemTicks);

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
