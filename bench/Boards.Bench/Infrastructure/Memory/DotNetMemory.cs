using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Infrastructure.Memory;

/// <summary>One part of the system's resident memory: its processes' VmRSS and VmHWM summed, in MB (2^20 bytes).</summary>
public sealed record ProcessMemory(string Name, ProcessKind Kind, int Processes, double RssMb, double PeakRssMb, bool Counted);

/// <summary>
/// The resident memory of Boards' .NET processes after the load: every service (or the monolith), the gateway, the portal
/// and identity, each with its children, found as the CPU is (<see cref="SystemProcesses"/>). The total counts only
/// those. Shown, not counted: the other .NET processes a local system has and a deployment does not (the AppHost, the
/// `dotnet run` wrappers DCP starts each project with, the Aspire dashboard, the mail server or the harness's relay).
/// Not shown: DCP itself, PostgreSQL and RabbitMQ (not .NET), and the harness.
/// </summary>
public sealed record DotNetMemory(IReadOnlyList<ProcessMemory> Processes, int CountedProcesses, double TotalMb, double TotalPeakMb, string? NotMeasured)
{
    public const string Wrappers = "envoltorios `dotnet run` de DCP";

    public const string Excluded =
        "no cuentan (not counted): AppHost, DCP y sus envoltorios `dotnet run`, Aspire dashboard, servidor o relé de correo, el banco mismo, PostgreSQL, RabbitMQ";

    public static DotNetMemory Unavailable(string reason) => new([], 0, double.NaN, double.NaN, reason);

    public static DotNetMemory Measure(BenchOptions options)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/status"))
        {
            return Unavailable("sin /proc: la memoria por proceso se mide solo en Linux");
        }

        var (table, anchors) = SystemProcesses.Find(options);
        return anchors.Values.Any(role => role.Kind == ProcessKind.Service)
            ? Compute(table, anchors, ProcMemory.TryRead)
            : Unavailable("ningún proceso de esta máquina escucha en los puertos del sistema (¿el sistema corre en otra máquina?)");
    }

    /// <summary>Sums each live process's memory into its part; parts that are not .NET, or not Boards', are left out.</summary>
    public static DotNetMemory Compute(IReadOnlyDictionary<int, ProcessInfo> table, IReadOnlyDictionary<int, ProcessRole> anchors, Func<int, ProcMemory?> read)
    {
        var parts = new Dictionary<(string Name, ProcessKind Kind, bool Counted), (int Processes, long Rss, long Peak)>();
        foreach (var (pid, process) in table)
        {
            if (SystemProcesses.RoleOf(table, anchors, pid) is not { } role || Part(role, process) is not { } part || read(pid) is not { } memory)
            {
                continue;
            }

            var sum = parts.GetValueOrDefault(part);
            parts[part] = (sum.Processes + 1, sum.Rss + memory.RssKib, sum.Peak + memory.PeakRssKib);
        }

        var rows = parts
            .Select(p => new ProcessMemory(p.Key.Name, p.Key.Kind, p.Value.Processes, Mb(p.Value.Rss), Mb(p.Value.Peak), p.Key.Counted))
            .OrderByDescending(row => row.Counted)
            .ThenByDescending(row => row.RssMb)
            .ThenBy(row => row.Name, StringComparer.Ordinal)
            .ToList();
        var counted = parts.Where(p => p.Key.Counted).Select(p => p.Value).ToList();
        return new DotNetMemory(rows, counted.Sum(c => c.Processes), Mb(counted.Sum(c => c.Rss)), Mb(counted.Sum(c => c.Peak)), null);
    }

    /// <summary>Boards' own processes count; the local system's other .NET processes are shown; the rest is not .NET.</summary>
    private static (string, ProcessKind, bool)? Part(ProcessRole role, ProcessInfo process) => role switch
    {
        { Kind: ProcessKind.Service } => (role.Name, role.Kind, true),
        _ when role == ProcessRole.AppHost || role == ProcessRole.Dashboard || role.Kind == ProcessKind.External => (role.Name, role.Kind, false),
        _ when role == ProcessRole.Dcp && process.Stat.Comm == "dotnet" => (Wrappers, ProcessKind.Orchestration, false),
        _ => null,
    };

    private static double Mb(long kib) => Math.Round(kib / 1024.0, 1);
}
