using System.Globalization;
using System.Text;
using Boards.Bench.Infrastructure.Cpu;

namespace Boards.Bench.Report;

/// <summary>One measure of both runs of ./bench.sh --mode both, and the monolith's target for it when it has one.</summary>
public sealed record ComparisonRow(string Measure, string Services, string Monolith, string MonolithTarget, bool? MonolithMet)
{
    public string Mark => MonolithMet switch { true => "✓", false => "✗", null => "–" };
}

/// <summary>Both runs of ./bench.sh --mode both, services then monolith, and their side-by-side comparison.</summary>
public sealed record BothResults(string Mode, IReadOnlyList<ComparisonRow> Comparison, BenchResults Services, BenchResults Monolith);

/// <summary>
/// "Servicios y monolito, lado a lado": every target of both runs with the monolith's limits (issue 23), a few figures
/// without a target, then each process's CPU per create and resident memory in each mode.
/// </summary>
public static class ModeComparison
{
    public static IReadOnlyList<ComparisonRow> Rows(BenchResults services, BenchResults monolith)
    {
        var rows = new List<ComparisonRow>();
        foreach (var check in monolith.Summary.Targets)
        {
            var paired = services.Summary.Targets.FirstOrDefault(t => t.Name == check.Name);
            rows.Add(new(check.Name, paired?.Measured ?? "–", check.Measured, check.Target, check.Met));
        }

        rows.AddRange(services.Summary.Targets.Where(s => monolith.Summary.Targets.All(m => m.Name != s.Name))
            .Select(check => new ComparisonRow(check.Name, check.Measured, "–", "–", null)));
        rows.Add(Figure($"CreateReferral por s (per s), concurrencia {services.DurableCreate[^1].Concurrency}", services, monolith, r => F(r.DurableCreate[^1].PerSecond)));
        rows.Add(Figure("CPU ms por creación una a la vez (one at a time), sin telemetría ni correo", services, monolith, r => F(r.SingleCreate.Cpu.SystemMsPerCreate)));
        rows.Add(Figure("CPU en reposo ms/s (idle), sin telemetría ni correo", services, monolith, r => F(r.IdleCpu.SystemMsPerSecond)));
        rows.Add(Figure("eco p50 una a la vez (echo one at a time)", services, monolith, r => $"{F(r.SingleCreate.Echo.Latency.P50Ms)} ms"));
        rows.Add(Figure("procesos .NET de Boards (.NET processes)", services, monolith, r => r.DotNetMemory.CountedProcesses.ToString(CultureInfo.InvariantCulture)));
        return rows;
    }

    public static string Render(BenchResults services, BenchResults monolith, IReadOnlyList<ComparisonRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Servicios y monolito, lado a lado (services and monolith side by side): {Describe(services)}; {Describe(monolith)}");
        text.AppendLine();
        text.AppendLine("| medida (measure) | services | monolith | meta del monolito (monolith target) | |");
        text.AppendLine("| --- | ---: | ---: | ---: | :---: |");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measure} | {row.Services} | {row.Monolith} | {row.MonolithTarget} | {row.Mark} |");
        }

        text.AppendLine();
        ProcessRows(text, services, monolith);
        return text.ToString();
    }

    /// <summary>The summary line of each run, after the mode it measured; the same line each run printed on its own.</summary>
    public static string FinalLines(BenchResults services, BenchResults monolith) =>
        $"{services.Mode}: {services.Summary.FinalLine()}{Environment.NewLine}{monolith.Mode}: {monolith.Summary.FinalLine()}";

    private static void ProcessRows(StringBuilder text, BenchResults services, BenchResults monolith)
    {
        var concurrency = services.DurableCreate[^1].Concurrency;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| proceso (process) | services: CPU ms/creación (conc. {concurrency}) | services: RSS MB | monolith: CPU ms/creación (conc. {concurrency}) | monolith: RSS MB |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        var names = new[] { services, monolith }
            .SelectMany(r => r.CpuPerCreate.Processes.Select(p => (p.Name, p.Kind)).Concat(r.DotNetMemory.Processes.Select(p => (p.Name, p.Kind))))
            .Distinct()
            .OrderBy(p => p.Kind != ProcessKind.Service)
            .ThenBy(p => !p.Kind.Counts())
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name)
            .Distinct();
        foreach (var name in names)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Cpu(services, name)} | {Rss(services, name)} | {Cpu(monolith, name)} | {Rss(monolith, name)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **total que cuenta (counted total)** | **{F(services.CpuPerCreate.SystemMsPerCreate)}** | **{F(services.DotNetMemory.TotalMb)}** | " +
            $"**{F(monolith.CpuPerCreate.SystemMsPerCreate)}** | **{F(monolith.DotNetMemory.TotalMb)}** |");
    }

    private static ComparisonRow Figure(string measure, BenchResults services, BenchResults monolith, Func<BenchResults, string> value) =>
        new(measure, value(services), value(monolith), "–", null);

    private static string Cpu(BenchResults results, string name) =>
        results.CpuPerCreate.Processes.FirstOrDefault(p => p.Name == name) is { } row ? F(row.MsPerCreate) : "–";

    private static string Rss(BenchResults results, string name) =>
        results.DotNetMemory.Processes.FirstOrDefault(p => p.Name == name) is { } row ? F(row.RssMb) : "–";

    private static string Describe(BenchResults results) =>
        string.Create(CultureInfo.InvariantCulture, $"{results.Mode} {(results.Quick ? "rápido" : "completo")} del {results.StartedAt:yyyy-MM-dd HH:mm} UTC ({results.Seconds:0} s)");

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("0.###", CultureInfo.InvariantCulture);
}
