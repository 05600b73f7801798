using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench;

/// <summary>How the system under test runs its eight modules (the AppHost's setting Shape): eight services, or one process.</summary>
public enum BenchMode
{
    Services,
    Monolith,
}

public static class BenchModes
{
    /// <summary>The eight modules, each a service of its own in the services shape and all of them the monolith in the other.</summary>
    public static readonly IReadOnlySet<string> Modules = new HashSet<string>(StringComparer.Ordinal)
    {
        "membership", "needs", "referrals", "servicedays", "planning", "monitoring", "notifications", "participation",
    };

    /// <summary>As the AppHost's Shape setting, bench.sh's --mode and the results name it.</summary>
    public static string Name(this BenchMode mode) => mode == BenchMode.Monolith ? "monolith" : "services";

    public static BenchMode Parse(string value) => value switch
    {
        "services" => BenchMode.Services,
        "monolith" => BenchMode.Monolith,
        _ => throw new ArgumentException($"--mode debe ser 'services' o 'monolith' (se recibió '{value}')."),
    };

    /// <summary>
    /// The shape of the processes found on the system's ports: the monolith's process, or any module's own service. Not
    /// known when neither or both were found (a system on another machine, or a mix this harness cannot tell apart).
    /// </summary>
    public static BenchMode? Detect(IEnumerable<ProcessRole> anchors)
    {
        var roles = anchors.Where(role => role.Kind == ProcessKind.Service).Select(role => role.Name).ToHashSet(StringComparer.Ordinal);
        var monolith = roles.Contains(ProcessRole.Monolith.Name);
        var services = roles.Any(Modules.Contains);
        return monolith == services ? null : monolith ? BenchMode.Monolith : BenchMode.Services;
    }

    /// <summary>
    /// The mode a run is labelled with: the one asked for (bench.sh's --mode), else the one found, else services. Asked for
    /// one and found the other, the run would compare a shape under the other's name: refused.
    /// </summary>
    public static BenchMode Resolve(BenchMode? declared, BenchMode? detected)
    {
        if (declared is { } asked && detected is { } found && asked != found)
        {
            throw new ArgumentException(
                $"Se pidió --mode {asked.Name()}, pero el sistema en sus puertos corre en modo {found.Name()} (¿el AppHost no recibió Shape={asked.Name()}?).");
        }

        return declared ?? detected ?? BenchMode.Services;
    }

    /// <summary>For the run's first line: whether the mode was asked for, found on the machine, or both.</summary>
    public static string HowKnown(BenchMode? declared, BenchMode? detected) => (declared, detected) switch
    {
        (null, null) => "supuesto: el sistema no corre en esta máquina",
        (null, _) => "hallado en los procesos del sistema",
        (_, null) => "pedido; el sistema no corre en esta máquina",
        _ => "pedido y confirmado en los procesos del sistema",
    };
}
