using System.Globalization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>One process as /proc shows it: its stat line and its command line (arguments joined by spaces).</summary>
public sealed record ProcessInfo(ProcStat Stat, string CommandLine);

/// <summary>Reads every process of the machine from /proc.</summary>
public static class ProcessTable
{
    public static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    /// <summary>Every process readable now, by pid. A process that ends while it is read is left out.</summary>
    public static IReadOnlyDictionary<int, ProcessInfo> Read()
    {
        var table = new Dictionary<int, ProcessInfo>();
        foreach (var pid in Pids())
        {
            if (TryRead(pid) is { } process)
            {
                table[pid] = process;
            }
        }

        return table;
    }

    public static ProcStat? TryReadStat(int pid)
    {
        try
        {
            return ProcStat.Parse(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static ProcessInfo? TryRead(int pid)
    {
        try
        {
            var stat = ProcStat.Parse(File.ReadAllText($"/proc/{pid}/stat"));
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new ProcessInfo(stat, commandLine);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
