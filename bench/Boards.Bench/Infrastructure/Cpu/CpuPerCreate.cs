namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>One part of the system's CPU over the measured window: in all, per create, and as a share of the machine.</summary>
public sealed record ProcessCpu(string Name, ProcessKind Kind, int Processes, double CpuMs, double MsPerCreate, double PercentOfMachine);

/// <summary>
/// CPU milliseconds per acknowledged create, process by process, over one window: from a quiet system before the
/// creates to the moment their whole pipeline was done (<see cref="EventsHandled"/>). The target's total counts the
/// services, the gateway, PostgreSQL, RabbitMQ and the local orchestration (AppHost, DCP); the telemetry receiver and
/// the mail server are shown but not counted, since production sends both off the machine (<see cref="ProcessKinds.Counts"/>). The harness (the load generator) and the rest of the machine
/// (other sessions, the kernel) are shown so a noisy run can be recognised.
/// </summary>
public sealed record CpuPerCreate(
    int Creates,
    double Seconds,
    double DrainSeconds,
    int NeverArrived,
    int Cores,
    double MachineBusyPercent,
    IReadOnlyList<ProcessCpu> Processes,
    double SystemMsPerCreate,
    double TelemetryMsPerCreate,
    double ExternalMsPerCreate,
    double AllProcessesMsPerCreate,
    double HarnessMsPerCreate,
    double RestOfMachineMsPerCreate,
    string? NotMeasured)
{
    public static CpuPerCreate Unavailable(string reason) =>
        new(0, 0, 0, 0, Environment.ProcessorCount, double.NaN, [], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, reason);

    public static CpuPerCreate Compute(CpuSample before, CpuSample after, int creates, int cores, double seconds, double drainSeconds, int neverArrived)
    {
        var machineTotal = after.Machine.Total - before.Machine.Total;
        var (ticks, counted, telemetry, external, harness, rest) = CpuDelta.Between(before, after);
        var rows = ticks
            .Select(t => new ProcessCpu(t.Key.Name, t.Key.Kind, after.Groups.TryGetValue(t.Key, out var group) ? group.Processes : 0,
                Milliseconds(t.Value), PerCreate(t.Value, creates), Percent(t.Value, machineTotal)))
            .OrderByDescending(row => row.CpuMs)
            .ThenBy(row => row.Name, StringComparer.Ordinal)
            .ToList();
        return new CpuPerCreate(creates, Math.Round(seconds, 2), Math.Round(drainSeconds, 1), neverArrived, cores,
            Percent(after.Machine.Busy - before.Machine.Busy, machineTotal), rows,
            PerCreate(counted, creates), PerCreate(telemetry, creates), PerCreate(external, creates), PerCreate(counted + telemetry + external, creates),
            PerCreate(harness, creates), PerCreate(rest, creates), null);
    }

    /// <summary>
    /// One part's CPU per create without what it would have used at rest over the same window (its idle rate times the
    /// window's length); never below zero. Not a number when either was not measured.
    /// </summary>
    public double NetOfIdleMsPerCreate(ProcessCpu row, IdleCpu idle) =>
        NotMeasured is null && idle.NotMeasured is null && Creates > 0
            ? Math.Round(Math.Max(0, row.CpuMs - idle.MsPerSecondOf(row.Name) * Seconds) / Creates, 3)
            : double.NaN;

    /// <summary>The counted total (telemetry receiver and mail server left out) net of the idle rates, part by part.</summary>
    public double SystemNetOfIdleMsPerCreate(IdleCpu idle) =>
        NotMeasured is null && idle.NotMeasured is null && Creates > 0
            ? Math.Round(Processes.Where(p => p.Kind.Counts()).Sum(p => NetOfIdleMsPerCreate(p, idle)), 3)
            : double.NaN;

    /// <summary>CPU milliseconds per create, to the microsecond; not a number when nothing was created.</summary>
    public static double PerCreate(long ticks, int creates) =>
        creates > 0 ? Math.Round(ticks * 1000.0 / ProcStat.TicksPerSecond / creates, 3) : double.NaN;

    private static double Milliseconds(long ticks) => ticks * 1000.0 / ProcStat.TicksPerSecond;

    private static double Percent(long ticks, long machineTotal) => machineTotal > 0 ? Math.Round(100.0 * ticks / machineTotal, 1) : double.NaN;
}
