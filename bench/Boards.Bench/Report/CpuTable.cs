using System.Globalization;
using System.Text;
using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Report;

/// <summary>"CPU ms por creación (por proceso)": each part of the system, then the totals, with and without what production runs elsewhere.</summary>
public static class CpuTable
{
    public static void Render(StringBuilder text, CpuPerCreate cpu, int concurrency)
    {
        if (cpu.NotMeasured is { } reason)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"CPU ms por creación (por proceso) (CPU ms per create, per process): no medido ({reason})");
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"CPU ms por creación (por proceso) (CPU ms per create, per process): CreateReferral a concurrencia {concurrency}, {cpu.Creates} creaciones confirmadas en {cpu.Seconds} s, " +
            $"de ellos {cpu.DrainSeconds} s esperando que Monitoring registrara sus eventos{(cpu.NeverArrived > 0 ? $" ({cpu.NeverArrived} sin llegar)" : "")}; " +
            $"máquina ocupada (machine busy) {cpu.MachineBusyPercent} % de {cpu.Cores} núcleos");
        text.AppendLine();
        text.AppendLine("| proceso (process) | tipo (kind) | procesos | CPU ms | ms por creación (per create) | % de la máquina (of machine) |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var row in cpu.Processes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {Kind(row.Kind)} | {row.Processes} | {row.CpuMs:0} | {row.MsPerCreate:0.000} | {row.PercentOfMachine:0.0} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **total del sistema, sin telemetría ni correo (system total, without telemetry and mail server): cuenta para el objetivo** | | | | **{cpu.SystemMsPerCreate:0.000}** | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| recepción de telemetría (telemetry intake): no cuenta, producción la exporta fuera de la máquina | | | | {cpu.TelemetryMsPerCreate:0.000} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| servidor de correo (mail server): no cuenta, producción entrega al relé SMTP del ministerio | | | | {cpu.ExternalMsPerCreate:0.000} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| total de todos los procesos (all processes) | | | | {cpu.AllProcessesMsPerCreate:0.000} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| el banco mismo (the harness, load generator): no cuenta | | | | {cpu.HarnessMsPerCreate:0.000} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| resto de la máquina (rest of the machine: other processes, kernel): no cuenta | | | | {cpu.RestOfMachineMsPerCreate:0.000} | |");
    }

    private static string Kind(ProcessKind kind) => kind switch
    {
        ProcessKind.Service => "servicio (service)",
        ProcessKind.Infrastructure => "infraestructura (infrastructure)",
        ProcessKind.Orchestration => "orquestación local (local orchestration)",
        ProcessKind.Telemetry => "telemetría (telemetry)",
        ProcessKind.External => "externo en producción (outside Boards in production)",
        _ => kind.ToString(),
    };
}
