using System.Globalization;
using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Stages;

/// <summary>
/// Before anything is measured: the echo and CreateReferral at concurrency 8 for a few seconds each, then rounds of the
/// patterns the steps use (creates one at a time, at concurrency 32, echoes), each followed by a quiet pause, until the
/// services' background JIT has nothing left to do (<see cref="TieredCompilation"/>). The runtime promotes a hot method
/// to optimized code only after a pause in new compilation, so a system under continuous load can stay on unoptimized
/// code for the whole of a short warm-up and recompile it during the first measured step. Nothing here is compared.
/// </summary>
public static class WarmUp
{
    private const int Concurrency = 8;

    /// <summary>A round whose services' JIT threads used at most this much CPU, pause included, counts as settled.</summary>
    public const double SettledMilliseconds = 100;

    public const int MaxRounds = 8;
    private static readonly TimeSpan RoundStep = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    public static async Task<WarmUpResult> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var duration = system.Options.WarmUpDuration;
        progress.Stage(0, $"Calentamiento: eco y CreateReferral a concurrencia {Concurrency}, {duration.TotalSeconds:0} s cada uno, y rondas hasta que el JIT de los servicios termine (no se comparan)");
        var echo = await ClosedLoop.RunAsync(Concurrency, duration, EchoBaseline.Call(system, callers));
        var creates = await ClosedLoop.RunAsync(Concurrency, duration, DurableCreate.Call(system, callers));
        progress.Detail($"eco {echo.PerSecond}/s, CreateReferral {creates.PerSecond}/s");

        var rounds = new List<double>();
        for (var round = 1; round <= MaxRounds; round++)
        {
            await using var jit = TieredCompilation.Start(system.Options);
            if (!jit.Measurable)
            {
                progress.Detail("JIT de los servicios: no medible (el sistema no corre en esta máquina); sin rondas");
                break;
            }

            await ClosedLoop.RunAsync(1, RoundStep, DurableCreate.Call(system, callers));
            await ClosedLoop.RunAsync(32, RoundStep, DurableCreate.Call(system, callers));
            await ClosedLoop.RunAsync(1, RoundStep, EchoBaseline.Call(system, callers));
            await Task.Delay(Pause);
            rounds.Add(Math.Round(await jit.FinishAsync(), 0));
            progress.Detail(string.Create(CultureInfo.InvariantCulture,
                $"ronda {round}: {rounds[^1]:0} ms de CPU en la compilación en segundo plano (JIT por niveles) de los servicios"));
            if (rounds[^1] <= SettledMilliseconds)
            {
                break;
            }
        }

        return new WarmUpResult(duration.TotalSeconds, echo, creates, rounds, rounds.Count > 0 && rounds[^1] <= SettledMilliseconds);
    }
}

/// <summary>
/// The warm-up's rates, and the CPU of the services' background JIT in each settling round; <see cref="JitSettled"/>
/// is false when the last round still compiled more than <see cref="WarmUp.SettledMilliseconds"/>.
/// </summary>
public sealed record WarmUpResult(double SecondsEach, LoadResult Echo, LoadResult Create, IReadOnlyList<double> JitMsPerRound, bool JitSettled);
