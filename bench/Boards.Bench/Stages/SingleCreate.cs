using Boards.Bench.Infrastructure;

namespace Boards.Bench.Stages;

/// <summary>
/// One call at a time on an otherwise idle system: a few hundred echoes, then as many CreateReferral calls, each
/// after the previous one answered (unmeasured calls first). The echo is the same gateway and service without the
/// database, so the difference is what a create adds to a single call's latency.
/// </summary>
public static class SingleCreate
{
    private const int WarmUpCalls = 20;

    public static async Task<SingleCreateResult> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var calls = system.Options.SingleCalls;
        progress.Stage(3, $"Una creación a la vez: {calls} ecos y {calls} CreateReferral seguidas, tras {WarmUpCalls} de cada una sin medir");
        var echo = await ClosedLoop.RunSequentialAsync(calls, WarmUpCalls, EchoBaseline.Call(system, callers));
        var create = await ClosedLoop.RunSequentialAsync(calls, WarmUpCalls, DurableCreate.Call(system, callers));
        progress.Detail($"eco: {BaselineInsert.Describe(echo)}");
        progress.Detail($"CreateReferral: {BaselineInsert.Describe(create)}");
        return new SingleCreateResult(calls, echo, create);
    }
}

/// <summary>The echo and the create, one call at a time: p50/p95/p99 of each.</summary>
public sealed record SingleCreateResult(int Calls, LoadResult Echo, LoadResult Create);
