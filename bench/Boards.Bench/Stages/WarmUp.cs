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

    /// <summary>
    /// A round whose services' JIT threads used at most this much CPU per second of the round, pause included, counts as
    /// settled: 2.5 % of this two-core machine. The JIT never stops altogether while the system runs (a round after the
    /// first five still compiled 330–570 ms in the 7 December runs, about 50 ms per second: sweeps, timers and the paths
    /// one concurrency takes and another does not); what is left is that trickle, which the steps then count as the
    /// system's own cost.
    /// </summary>
    public const double SettledMillisecondsPerSecond = 50;

    public const int MaxRounds = 6;
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
        var settled = false;
        for (var round = 1; round <= MaxRounds && !settled; round++)
        {
            await using var jit = TieredCompilation.Start(system.Options);
            if (!jit.Measurable)
            {
                progress.Detail("JIT de los servicios: no medible (el sistema no corre en esta máquina); sin rondas");
                break;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await ClosedLoop.RunAsync(1, RoundStep, DurableCreate.Call(system, callers));
            await ClosedLoop.RunAsync(32, RoundStep, DurableCreate.Call(system, callers));
            await ClosedLoop.RunAsync(1, RoundStep, EchoBaseline.Call(system, callers));
            await Task.Delay(Pause);
            rounds.Add(Math.Round(await jit.FinishAsync(), 0));
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            settled = rounds[^1] / seconds <= SettledMillisecondsPerSecond;
            progress.Detail(string.Create(CultureInfo.InvariantCulture,
                $"ronda {round}: {rounds[^1]:0} ms de CPU en la compilación en segundo plano (JIT por niveles) de los servicios en {seconds:0.0} s{(settled ? ", asentado" : "")}"));
        }

        return new WarmUpResult(duration.TotalSeconds, echo, creates, rounds, settled);
    }
}

/// <summary>
/// The warm-up's rates, and the CPU of the services' background JIT in each settling round; <see cref="JitSettled"/>
/// is false when the last round still compiled more than <see cref="WarmUp.SettledMillisecondsPerSecond"/>.
/// </summary>
public sealed record WarmUpResult(double SecondsEach, LoadResult Echo, LoadResult Create, IReadOnlyList<double> JitMsPerRound, bool JitSettled);
