using System.Globalization;

namespace Boards.Bench.Infrastructure.Memory;

/// <summary>
/// A process's resident memory from /proc/&lt;pid&gt;/status (proc(5)): VmRSS, what it holds in RAM now (its anonymous
/// memory, the files it maps and its share of shared memory), and VmHWM, the most it has held. Both in KiB.
/// </summary>
public sealed record ProcMemory(long RssKib, long PeakRssKib)
{
    /// <summary>
    /// Reads the "VmRSS:" and "VmHWM:" lines ("VmRSS:\t  123456 kB"). A process without them (a kernel thread, one that
    /// is ending) has no memory of its own to count: null. A peak missing is taken as the current figure.
    /// </summary>
    public static ProcMemory? Parse(string status)
    {
        long? rss = null, peak = null;
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line);
            }
        }

        return rss is { } current ? new ProcMemory(current, Math.Max(current, peak ?? current)) : null;
    }

    public static ProcMemory? TryRead(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kib(string line)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields is [_, var number, "kB"] && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
            ? kib
            : throw new FormatException($"Línea de /proc/<pid>/status inesperada: '{line}'");
    }
}
