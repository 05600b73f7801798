using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Stages;

/// <summary>
/// Nobody calls the system for a few seconds: the CPU each part uses at rest (relay polls, sweeps, health checks,
/// telemetry export, the broker's and the database's own housekeeping). A create step is charged with all of it, so
/// the CPU table shows each create figure also net of this rate.
/// </summary>
public static class IdleSystem
{
    public static async Task<IdleCpu> RunAsync(BenchOptions options, Progress progress)
    {
        progress.Stage(3, $"Sistema en reposo: CPU por proceso durante {options.IdleDuration.TotalSeconds:0} s sin llamadas, tras {options.IdleSettle.TotalSeconds:0} s de espera");
        await Task.Delay(options.IdleSettle);
        var accounting = CpuAccounting.Start(options);
        await Task.Delay(options.IdleDuration);
        var idle = accounting.FinishIdle();
        progress.Detail(idle.NotMeasured is { } reason
            ? $"no medida ({reason})"
            : $"{idle.SystemMsPerSecond} ms de CPU por segundo sin telemetría ni correo ({idle.TelemetryMsPerSecond} ms la telemetría); " +
              string.Join(", ", idle.Processes.Take(4).Select(p => $"{p.Name} {p.MsPerSecond}")));
        return idle;
    }
}
