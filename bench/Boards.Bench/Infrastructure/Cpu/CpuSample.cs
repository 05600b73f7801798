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
