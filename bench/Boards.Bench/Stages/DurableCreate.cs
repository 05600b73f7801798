using System.Collections.Concurrent;
using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Stages;

/// <summary>
/// CreateReferral through the gateway's gRPC port with focal points' tokens: validated, checked against the offer
/// catalog, committed with its outbox message, acknowledged. Each worker sends as its own focal point. At the highest
/// concurrency the CPU of every process of the system is sampled around the step (<see cref="CpuAccounting"/>): from
/// the moment the previous step's events have been handled to the moment this step's have, divided by every create
/// acknowledged in between (the step's few unmeasured calls per worker included).
/// </summary>
public static class DurableCreate
{
    public static async Task<(IReadOnlyList<LoadResult> Steps, CpuPerCreate Cpu)> RunAsync(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, Progress progress)
    {
        var options = system.Options;
        var results = new List<LoadResult>();
        var cpu = CpuPerCreate.Unavailable("no medido");
        IReadOnlyCollection<Guid> previous = [];
        foreach (var concurrency in options.Concurrencies)
        {
            progress.Stage(3, $"Creación durable (CreateReferral), concurrencia {concurrency}");
            var acknowledged = new ConcurrentQueue<Guid>();
            if (concurrency == options.Concurrencies.Max())
            {
                var quiet = await EventsHandled.WaitAsync(options, previous, options.EventsPatience);
                var accounting = CpuAccounting.Start(options);
                results.Add(await ClosedLoop.RunAsync(concurrency, options.StepDuration, Call(system, callers, acknowledged)));
                var handled = await EventsHandled.WaitAsync(options, acknowledged, options.EventsPatience);
                cpu = accounting.Finish(acknowledged.Count, handled.Seconds, handled.Missing);
                progress.Detail(BaselineInsert.Describe(results[^1]));
                progress.Detail(Describe(cpu, quiet.Missing));
            }
            else
            {
                results.Add(await ClosedLoop.RunAsync(concurrency, options.StepDuration, Call(system, callers, acknowledged)));
                progress.Detail(BaselineInsert.Describe(results[^1]));
            }

            previous = acknowledged;
        }

        return (results, cpu);
    }

    /// <summary>One CreateReferral in the worker's focal point's own municipality; its id is kept if asked for.</summary>
    public static Func<int, CancellationToken, Task> Call(SystemUnderTest system, IReadOnlyList<FocalPoint> callers, ConcurrentQueue<Guid>? acknowledged = null) =>
        async (worker, cancellationToken) =>
        {
            var caller = callers[worker % callers.Count];
            var referral = await system.Referrals.CreateReferralAsync(NewReferral.For(caller.Municipality), caller.Headers, cancellationToken: cancellationToken);
            acknowledged?.Enqueue(Guid.Parse(referral.Id));
        };

    private static string Describe(CpuPerCreate cpu, int notQuietBefore) =>
        cpu.NotMeasured is { } reason
            ? $"CPU por creación: no medida ({reason})"
            : $"CPU por creación: {cpu.SystemMsPerCreate} ms sin telemetría ni correo, {cpu.AllProcessesMsPerCreate} ms con ellos; {cpu.Creates} creaciones en {cpu.Seconds} s " +
              $"({cpu.DrainSeconds} s esperando sus eventos{(cpu.NeverArrived > 0 ? $", {cpu.NeverArrived} sin llegar" : "")}" +
              $"{(notQuietBefore > 0 ? $"; {notQuietBefore} eventos del paso anterior aún pendientes al empezar" : "")}), máquina ocupada {cpu.MachineBusyPercent} %";
}
