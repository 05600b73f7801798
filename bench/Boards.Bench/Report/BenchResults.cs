using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;
using Boards.Bench.Infrastructure.Memory;
using Boards.Bench.Stages;

namespace Boards.Bench.Report;

/// <summary>Everything one run measured; written as bench/results/&lt;timestamp&gt;-&lt;mode&gt;-{quick,full}-run.json.</summary>
/// <param name="Mode">The shape of the system measured: "services" or "monolith" (<see cref="BenchModes.Name"/>).</param>
/// <param name="DotNetMemory">The resident memory of Boards' .NET processes after the last load step.</param>
public sealed record BenchResults(
    DateTimeOffset StartedAt,
    double Seconds,
    bool Quick,
    string Mode,
    string Gateway,
    string SystemSetup,
    Machine Machine,
    WarmUpResult WarmUp,
    IReadOnlyList<LoadResult> BaselineInsert,
    IReadOnlyList<LoadResult> BaselineEcho,
    IdleCpu IdleCpu,
    SingleCreateResult SingleCreate,
    IReadOnlyList<LoadResult> DurableCreate,
    CpuPerCreate CpuPerCreate,
    LagResult EventLag,
    IReadOnlyList<NationalResult> NationalTable,
    PagingResult Paging,
    BatchResult Batch,
    DotNetMemory DotNetMemory,
    Summary Summary);

/// <summary>The numbers of the final line, and every target with whether it was met.</summary>
public sealed record Summary(double CreateOverBaselineA, double LagP99Ms, double NationalP95Ms, double DeepOverFirst, double CreateP50Ms,
    double CpuMsPerCreate, double DotNetRssMb, IReadOnlyList<TargetCheck> Targets)
{
    /// <summary>
    /// One line, keys and values without spaces, invariant numbers: create-p50-ms is one create at a time, cpu-ms/create
    /// is the system's CPU per create at the highest concurrency without the telemetry receiver, dotnet-rss-mb the
    /// resident memory of Boards' .NET processes after the load (NaN when not measured). The same in both modes.
    /// </summary>
    public string FinalLine() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"create/baseline-A={CreateOverBaselineA:0.00} lag-p99-ms={LagP99Ms:0} national-p95-ms={NationalP95Ms:0.#} deep-page/first-page={DeepOverFirst:0.00} create-p50-ms={CreateP50Ms:0.##} cpu-ms/create={CpuMsPerCreate:0.##} dotnet-rss-mb={DotNetRssMb:0}");
}

public sealed record TargetCheck(string Name, string Measured, string Target, bool? Met)
{
    public string Mark => Met switch { true => "✓", false => "✗", null => "–" };
}
