using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Memory;

namespace Boards.Bench.Stages;

/// <summary>
/// Right after the last load step: the resident memory of every .NET process of Boards (<see cref="DotNetMemory"/>),
/// what the system holds once it has served all of the run's calls and data.
/// </summary>
public static class ResidentMemory
{
    public static DotNetMemory Run(BenchOptions options, Progress progress)
    {
        progress.Stage(6, "Memoria residente de los procesos .NET tras la carga (VmRSS)");
        var memory = DotNetMemory.Measure(options);
        progress.Detail(memory.NotMeasured is { } reason
            ? $"no medida ({reason})"
            : $"{memory.TotalMb:0} MB en {memory.CountedProcesses} procesos .NET de Boards; " +
              string.Join(", ", memory.Processes.Where(p => p.Counted).Take(5).Select(p => $"{p.Name} {p.RssMb:0}")));
        return memory;
    }
}
