using System.Globalization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>The whole machine's CPU time from the "cpu" line of /proc/stat, summed over all cores, in clock ticks.</summary>
public sealed record MachineTicks(long Busy, long Total)
{
    public static MachineTicks Read() => Parse(File.ReadLines("/proc/stat").First());

    /// <summary>
    /// "cpu user nice system idle iowait irq softirq steal guest guest_nice": busy is everything but idle and iowait.
    /// guest and guest_nice are already inside user and nice, so only the first eight columns are summed.
    /// </summary>
    public static MachineTicks Parse(string cpuLine)
    {
        var fields = cpuLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            throw new FormatException($"Primera línea de /proc/stat inesperada: '{cpuLine}'");
        }

        var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return new MachineTicks(total - ticks[3] - ticks[4], total);
    }
}
