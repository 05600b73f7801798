using System.Collections.Concurrent;
using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Stages;

/// <summary>
/// One call at a time on an otherwise idle system: a few hundred echoes, then as many CreateReferral calls, each
/// after the previous one answered (unmeasured calls first). The echo is the same gateway and service without the
/// database, so the difference is what a create adds to a single call's latency. The CPU of every process is sampled
/// around the creates, as around the concurrency-32 step: from the first create to the moment Monitoring has the fact
/// of the last, divided by every create acknowledged (the unmeasured ones included).
/// </summary>
public static class SingleCreate
{
    private const int WarmUpCalls = 20;

    public static async Task<SingleCreateResult> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var calls = system.Options.SingleCalls;
        progress.Stage(3, $"Una creación a la vez: {calls} ecos y {calls} CreateReferral seguidas, tras {WarmUpCalls} de cada una sin medir");
        var echo = await ClosedLoop.RunSequentialAsync(calls, WarmUpCalls, EchoBaseline.Call(system, callers));
        var acknowledged = new ConcurrentQueue<Guid>();
        var accounting = CpuAccounting.Start(system.Options);
        var create = await ClosedLoop.RunSequentialAsync(calls, WarmUpCalls, DurableCreate.Call(system, callers, acknowledged));
        var handled = await EventsHandled.WaitAsync(system.Options, acknowledged, system.Options.EventsPatience);
        var cpu = accounting.Finish(acknowledged.Count, handled.Seconds, handled.Missing);
        progress.Detail($"eco: {BaselineInsert.Describe(echo)}");
        progress.Detail($"CreateReferral: {BaselineInsert.Describe(create)}");
        progress.Detail(cpu.NotMeasured is { } reason
            ? $"CPU por creación: no medida ({reason})"
            : $"CPU por creación, una a la vez: {cpu.SystemMsPerCreate} ms sin telemetría; {cpu.Creates} creaciones en {cpu.Seconds} s");
        return new SingleCreateResult(calls, echo, create, cpu);
    }
}

/// <summary>The echo and the create, one call at a time: p50/p95/p99 of each, and the CPU per create of every process.</summary>
public sealed record SingleCreateResult(int Calls, LoadResult Echo, LoadResult Create, CpuPerCreate Cpu);
