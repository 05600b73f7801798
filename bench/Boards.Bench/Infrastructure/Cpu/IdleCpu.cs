namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>One part of the system's CPU while nobody calls it: milliseconds of CPU per second of wall time.</summary>
public sealed record ProcessIdleCpu(string Name, ProcessKind Kind, double MsPerSecond);

/// <summary>
/// What the system costs with no load at all: relay polls, sweeps, health checks, telemetry export, the broker's and the
/// database's own housekeeping. A window with few creates (one at a time) charges all of it to those few creates, so
/// the harness measures it on its own and shows every create figure also net of it.
/// </summary>
public sealed record IdleCpu(double Seconds, IReadOnlyList<ProcessIdleCpu> Processes, double SystemMsPerSecond, double TelemetryMsPerSecond,
    double RestOfMachineMsPerSecond, string? NotMeasured)
{
    public static IdleCpu Unavailable(string reason) => new(0, [], double.NaN, double.NaN, double.NaN, reason);

    public static IdleCpu Compute(CpuSample before, CpuSample after, double seconds)
    {
        var (ticks, counted, telemetry, _, _, rest) = CpuDelta.Between(before, after);
        var rows = ticks
            .Select(t => new ProcessIdleCpu(t.Key.Name, t.Key.Kind, PerSecond(t.Value, seconds)))
            .OrderByDescending(row => row.MsPerSecond)
            .ThenBy(row => row.Name, StringComparer.Ordinal)
            .ToList();
        return new IdleCpu(Math.Round(seconds, 1), rows, PerSecond(counted, seconds), PerSecond(telemetry, seconds), PerSecond(rest, seconds), null);
    }

    /// <summary>The idle rate of one part, zero when it was not seen at rest.</summary>
    public double MsPerSecondOf(string name) => Processes.FirstOrDefault(p => p.Name == name)?.MsPerSecond ?? 0;

    /// <summary>CPU milliseconds per second of wall time, to the hundredth of a millisecond.</summary>
    public static double PerSecond(long ticks, double seconds) =>
        seconds > 0 ? Math.Round(ticks * 1000.0 / ProcStat.TicksPerSecond / seconds, 2) : double.NaN;
}
