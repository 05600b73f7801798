using Boards.Bench.Infrastructure;

namespace Boards.Bench.Stages;

/// <summary>
/// Before anything is measured: the echo and CreateReferral at concurrency 8 for a few seconds each, so the steps that
/// compare them run on code the JIT has optimized, not on a freshly started system. Their rates are kept, not compared.
/// </summary>
public static class WarmUp
{
    private const int Concurrency = 8;

    public static async Task<WarmUpResult> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var duration = system.Options.WarmUpDuration;
        progress.Stage(0, $"Calentamiento: eco y CreateReferral a concurrencia {Concurrency}, {duration.TotalSeconds:0} s cada uno (no se comparan)");
        var echo = await ClosedLoop.RunAsync(Concurrency, duration, EchoBaseline.Call(system, callers));
        var creates = await ClosedLoop.RunAsync(Concurrency, duration, DurableCreate.Call(system, callers));
        progress.Detail($"eco {echo.PerSecond}/s, CreateReferral {creates.PerSecond}/s");
        return new WarmUpResult(duration.TotalSeconds, echo, creates);
    }
}

public sealed record WarmUpResult(double SecondsEach, LoadResult Echo, LoadResult Create);
