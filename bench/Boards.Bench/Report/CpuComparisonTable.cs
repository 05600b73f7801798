using System.Globalization;
using System.Text;
using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Report;

/// <summary>
/// "CPU por proceso: en reposo, una a la vez y bajo carga": each part's CPU at rest (ms per second), then per create one
/// at a time and at the highest concurrency, each as measured and net of the idle rate. One at a time, a few creates
/// per second carry every process's background work; the net column shows what the creates themselves cost.
/// </summary>
public static class CpuComparisonTable
{
    public static void Render(StringBuilder text, IdleCpu idle, CpuPerCreate single, CpuPerCreate loaded, int concurrency)
    {
        if (idle.NotMeasured is { } reason)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"CPU por proceso en reposo (idle CPU per process): no medido ({reason})");
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"CPU por proceso: en reposo ({idle.Seconds} s), una a la vez ({Creates(single)}) y a concurrencia {concurrency} ({Creates(loaded)}); " +
            $"«neto» = menos lo que el proceso usa en reposo durante la misma ventana (net of idle)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| proceso (process) | reposo ms/s (idle) | una a la vez ms/creación | neto | concurrencia {concurrency} ms/creación | neto |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var names = idle.Processes.Select(p => (p.Name, p.Kind))
            .Union(single.Processes.Select(p => (p.Name, p.Kind)))
            .Union(loaded.Processes.Select(p => (p.Name, p.Kind)))
            .OrderBy(p => !p.Kind.Counts())
            .ThenByDescending(p => Row(loaded, p.Name)?.MsPerCreate ?? 0)
            .ThenBy(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, _) in names)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {idle.MsPerSecondOf(name):0.00} | {Gross(single, name)} | {Net(single, name, idle)} | {Gross(loaded, name)} | {Net(loaded, name, idle)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **total sin telemetría ni correo (without telemetry and mail server)** | **{idle.SystemMsPerSecond:0.00}** | **{F(single.SystemMsPerCreate)}** | **{F(single.SystemNetOfIdleMsPerCreate(idle))}** | " +
            $"**{F(loaded.SystemMsPerCreate)}** | **{F(loaded.SystemNetOfIdleMsPerCreate(idle))}** |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| resto de la máquina (rest of the machine): no cuenta | {idle.RestOfMachineMsPerSecond:0.00} | {F(single.RestOfMachineMsPerCreate)} | | {F(loaded.RestOfMachineMsPerCreate)} | |");
    }

    private static ProcessCpu? Row(CpuPerCreate cpu, string name) => cpu.Processes.FirstOrDefault(p => p.Name == name);

    private static string Gross(CpuPerCreate cpu, string name) => Row(cpu, name) is { } row ? F(row.MsPerCreate) : "–";

    private static string Net(CpuPerCreate cpu, string name, IdleCpu idle) => Row(cpu, name) is { } row ? F(cpu.NetOfIdleMsPerCreate(row, idle)) : "–";

    private static string Creates(CpuPerCreate cpu) => cpu.NotMeasured is { } reason ? $"no medido: {reason}" : $"{cpu.Creates} creaciones en {cpu.Seconds} s";

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
