namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>The CPU used so far by the whole machine, by the harness itself, and by each part of the system.</summary>
public sealed record CpuSample(MachineTicks Machine, long HarnessTicks, IReadOnlyDictionary<ProcessRole, GroupTicks> Groups)
{
    public static CpuSample Take(IReadOnlyDictionary<int, ProcessRole> anchors)
    {
        var machine = MachineTicks.Read();
        var harness = ProcessTable.TryReadStat(Environment.ProcessId)?.TotalTicks ?? 0;
        return new CpuSample(machine, harness, SystemProcesses.Group(ProcessTable.Read(), anchors));
    }

    public long TicksOf(ProcessRole role) => Groups.TryGetValue(role, out var group) ? group.Ticks : 0;
}

/// <summary>
/// What was used between two samples: each part's ticks, the parts counted against Boards, the telemetry intake and the
/// mail server (shown, not counted: <see cref="ProcessKinds.Counts"/>), and the rest of the machine (other work, minus
/// the harness itself).
/// </summary>
public sealed record CpuDelta(IReadOnlyDictionary<ProcessRole, long> Ticks, long Counted, long Telemetry, long External, long Harness, long Rest)
{
    public static CpuDelta Between(CpuSample before, CpuSample after)
    {
        var ticks = before.Groups.Keys.Union(after.Groups.Keys)
            .ToDictionary(role => role, role => Math.Max(0, after.TicksOf(role) - before.TicksOf(role)));
        var counted = ticks.Where(t => t.Key.Kind.Counts()).Sum(t => t.Value);
        var telemetry = ticks.Where(t => t.Key.Kind == ProcessKind.Telemetry).Sum(t => t.Value);
        var external = ticks.Where(t => t.Key.Kind == ProcessKind.External).Sum(t => t.Value);
        var harness = Math.Max(0, after.HarnessTicks - before.HarnessTicks);
        var rest = Math.Max(0, after.Machine.Busy - before.Machine.Busy - counted - telemetry - external - harness);
        return new CpuDelta(ticks, counted, telemetry, external, harness, rest);
    }
}
