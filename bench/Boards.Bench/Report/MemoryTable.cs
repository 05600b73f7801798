using System.Globalization;
using System.Text;
using Boards.Bench.Infrastructure.Cpu;
using Boards.Bench.Infrastructure.Memory;

namespace Boards.Bench.Report;

/// <summary>"Memoria residente de .NET tras la carga": Boards' .NET processes one by one, their total, then what is shown and not counted.</summary>
public static class MemoryTable
{
    public static void Render(StringBuilder text, DotNetMemory memory)
    {
        if (memory.NotMeasured is { } reason)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Memoria residente de .NET tras la carga (.NET resident memory after the load): no medido ({reason})");
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"Memoria residente de .NET tras la carga (.NET resident memory after the load): VmRSS de /proc/<pid>/status tras el último paso, " +
            $"cada proceso con sus hijos; pico = VmHWM de cada proceso sumado; MB = 2^20 bytes; {DotNetMemory.Excluded}");
        text.AppendLine();
        text.AppendLine("| proceso (process) | procesos | RSS MB | pico MB (peak) |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var row in memory.Processes.Where(p => p.Counted))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Processes} | {row.RssMb:0.0} | {row.PeakRssMb:0.0} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **total de los procesos .NET de Boards (Boards' .NET processes): cuenta** | {memory.CountedProcesses} | **{memory.TotalMb:0.0}** | {memory.TotalPeakMb:0.0} |");
        foreach (var row in memory.Processes.Where(p => !p.Counted))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name}: no cuenta ({Why(row.Kind)}) | {row.Processes} | {row.RssMb:0.0} | {row.PeakRssMb:0.0} |");
        }
    }

    private static string Why(ProcessKind kind) => kind switch
    {
        ProcessKind.Orchestration => "solo el sistema local",
        ProcessKind.Telemetry => "producción exporta la telemetría fuera",
        _ => "fuera de Boards en producción",
    };
}
