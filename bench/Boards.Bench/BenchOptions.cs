using System.Globalization;

namespace Boards.Bench;

/// <summary>
/// Where the system under test answers and how long to measure. Quick mode shrinks every duration and data set so a
/// run takes about a minute and a half once the system is up.
/// </summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }
    public Uri GatewayUrl { get; init; } = new("http://localhost:5080");
    public Uri GatewayGrpcUrl { get; init; } = new("http://localhost:5081");
    public Uri IdentityRealm { get; init; } = new("http://localhost:5070/realms/boards");

    /// <summary>The system's PostgreSQL server (no database): baseline A, the event-lag poll and the seeding use it.</summary>
    public string Postgres { get; init; } = "Host=127.0.0.1;Port=55432;Username=postgres";

    public string ResultsDirectory { get; init; } = "bench/results";

    /// <summary>Where to write the results instead of &lt;timestamp&gt;-&lt;mode&gt;-{quick,full}-run.json in <see cref="ResultsDirectory"/> (bench.sh --mode both names both runs).</summary>
    public string? ResultsFile { get; init; }

    /// <summary>The shape the system runs in (--mode); not given, it is found from the processes on the system's ports (<see cref="BenchModes.Resolve"/>).</summary>
    public BenchMode? Mode { get; init; }

    /// <summary>How the system under test was started (build, trace sampling), as bench.sh describes it; shown and kept.</summary>
    public string SystemSetup { get; init; } = "sistema existente (configuración desconocida)";

    /// <summary>Delete the rows the run seeded at the end (set when the system is someone's, not the harness's own).</summary>
    public bool CleanUp { get; init; }

    public int[] Concurrencies { get; } = [1, 8, 32];
    public TimeSpan WarmUpDuration => Quick ? TimeSpan.FromSeconds(15) : TimeSpan.FromSeconds(20);
    public TimeSpan StepDuration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);
    /// <summary>How long the system is left without calls to measure each part's CPU at rest.</summary>
    public TimeSpan IdleDuration => Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(15);
    /// <summary>
    /// Unmeasured quiet before the idle window: after a burst of calls the services still compile the code it made
    /// hot (tiered JIT, in the background) for several seconds, which is not what they cost at rest.
    /// </summary>
    public TimeSpan IdleSettle => TimeSpan.FromSeconds(10);
    /// <summary>Echoes and creates one after another, each, in the single-call step (its p50 is the create-p50-ms target).</summary>
    public int SingleCalls => Quick ? 200 : 500;

    /// <summary>How long the CPU window of the create step may wait for Monitoring to handle the step's events.</summary>
    public TimeSpan EventsPatience => Quick ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(60);
    public TimeSpan LagDuration => Quick ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(60);
    public int LagRatePerSecond => 200;
    public (int Facts, int Municipalities)[] NationalScales => Quick
        ? [(100_000, 22), (1_000_000, 263)]
        : [(1_000_000, 22), (10_000_000, 263)];
    public int NationalCalls => Quick ? 40 : 200;
    public int NationalWarmUpCalls => Quick ? 100 : 200;
    public int DeepPage => 200;
    public int PageSize => 50;
    public int PagingCalls => Quick ? 30 : 100;
    public int BatchSize => 100;
    public int BatchRounds => Quick ? 2 : 5;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--quick" => options with { Quick = true },
                "--clean-up" => options with { CleanUp = true },
                "--url" => options with { GatewayUrl = new Uri(Required(args[i], value)) },
                "--grpc-url" => options with { GatewayGrpcUrl = new Uri(Required(args[i], value)) },
                "--identity" => options with { IdentityRealm = new Uri(Required(args[i], value).TrimEnd('/')) },
                "--postgres" => options with { Postgres = Required(args[i], value) },
                "--results" => options with { ResultsDirectory = Required(args[i], value) },
                "--results-file" => options with { ResultsFile = Required(args[i], value) },
                "--mode" => options with { Mode = BenchModes.Parse(Required(args[i], value)) },
                "--system" => options with { SystemSetup = Required(args[i], value) },
                _ => throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                    "Opción desconocida '{0}'. Uso: [--quick] [--url URL] [--grpc-url URL] [--identity URL] [--postgres CONEXIÓN] [--results CARPETA] [--results-file ARCHIVO] [--mode services|monolith] [--system DESCRIPCIÓN] [--clean-up]", args[i])),
            };
            if (args[i] is not ("--quick" or "--clean-up"))
            {
                i++;
            }
        }

        return options;
    }

    private static string Required(string option, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"Falta el valor de {option}.") : value;

    public string Database(string name) => $"{Postgres};Database={name}";
}
