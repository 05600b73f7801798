namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>
/// Samples the CPU of every process of a local system at the start of a window and again at its end (Linux /proc).
/// The processes are found once, at the start, by the ports they listen on (<see cref="SystemPorts"/>).
/// </summary>
public sealed class CpuAccounting
{
    private readonly IReadOnlyDictionary<int, ProcessRole> _anchors;
    private readonly CpuSample? _before;
    private readonly long _startedAt;
    private readonly string? _unavailable;

    private CpuAccounting(IReadOnlyDictionary<int, ProcessRole> anchors, CpuSample? before, string? unavailable)
    {
        _anchors = anchors;
        _before = before;
        _unavailable = unavailable;
        _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    public static CpuAccounting Start(BenchOptions options)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/stat"))
        {
            return new CpuAccounting(new Dictionary<int, ProcessRole>(), null, "sin /proc: la CPU por proceso se mide solo en Linux");
        }

        var (_, anchors) = SystemProcesses.Find(options);
        return anchors.Values.Any(role => role.Kind == ProcessKind.Service)
            ? new CpuAccounting(anchors, CpuSample.Take(anchors), null)
            : new CpuAccounting(anchors, null, "ningún proceso de esta máquina escucha en los puertos del sistema (¿el sistema corre en otra máquina?)");
    }

    /// <summary>The processes found, by pid, for the progress line.</summary>
    public IReadOnlyDictionary<int, ProcessRole> Anchors => _anchors;

    public CpuPerCreate Finish(int creates, double drainSeconds, int neverArrived)
    {
        if (_before is null)
        {
            return CpuPerCreate.Unavailable(_unavailable ?? "sin muestra inicial");
        }

        var after = CpuSample.Take(_anchors);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        return CpuPerCreate.Compute(_before, after, creates, Environment.ProcessorCount, seconds, drainSeconds, neverArrived);
    }

    /// <summary>The window held no calls: each part's CPU per second at rest.</summary>
    public IdleCpu FinishIdle()
    {
        if (_before is null)
        {
            return IdleCpu.Unavailable(_unavailable ?? "sin muestra inicial");
        }

        var after = CpuSample.Take(_anchors);
        return IdleCpu.Compute(_before, after, System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt).TotalSeconds);
    }
}
