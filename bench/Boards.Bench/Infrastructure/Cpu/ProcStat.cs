using System.Globalization;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>
/// The fields of one /proc/&lt;pid&gt;/stat line the harness needs (proc(5)). Times are in clock ticks (USER_HZ).
/// The child times count only children that ended and were waited for by this process.
/// </summary>
public sealed record ProcStat(int Pid, string Comm, char State, int ParentPid, long UserTicks, long SystemTicks,
    long ChildUserTicks, long ChildSystemTicks, long StartTicks)
{
    /// <summary>USER_HZ: fixed at 100 by the Linux ABI on x86-64 and arm64 (getconf CLK_TCK), whatever the kernel's HZ.</summary>
    public const int TicksPerSecond = 100;

    /// <summary>
    /// This process's own time plus that of its ended children. Summed over every live process of a group, a process
    /// that ended between two samples is still counted once, in the parent that waited for it.
    /// </summary>
    public long TotalTicks => UserTicks + SystemTicks + ChildUserTicks + ChildSystemTicks;

    /// <summary>
    /// Parses "pid (comm) state ppid …". The command name may itself contain spaces and parentheses, so it runs from
    /// the first '(' to the LAST ')'; the numbered fields are counted from there.
    /// </summary>
    public static ProcStat Parse(string line)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        var close = line.LastIndexOf(')');
        if (open < 1 || close < open)
        {
            throw new FormatException($"Línea de /proc/<pid>/stat sin nombre entre paréntesis: '{line}'");
        }

        // After the comm: field 3 (state) is index 0, so field n is index n - 3.
        var fields = line[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20 || fields[0].Length != 1)
        {
            throw new FormatException($"Línea de /proc/<pid>/stat con {fields.Length} campos tras el nombre (se esperan al menos 20): '{line}'");
        }

        return new ProcStat(
            int.Parse(line.AsSpan(0, open).Trim(), CultureInfo.InvariantCulture),
            line[(open + 1)..close],
            fields[0][0],
            (int)Number(fields, 4),
            Number(fields, 14),
            Number(fields, 15),
            Number(fields, 16),
            Number(fields, 17),
            Number(fields, 22));
    }

    /// <summary>Field <paramref name="number"/> as proc(5) numbers them (1 = pid, 2 = comm, 3 = state, …).</summary>
    private static long Number(string[] fields, int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
}
