using System.Globalization;
using System.Text;
using Boards.Bench.Infrastructure;
using Boards.Bench.Stages;

namespace Boards.Bench.Report;

/// <summary>The human-readable table printed at the end of a run (Spanish first, English in brackets).</summary>
public static class ResultsTable
{
    public static string Render(BenchResults results)
    {
        var m = results.Machine;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Máquina (machine): {m.Cores} núcleos (cores), {m.MemoryGiB} GiB, {m.Os}, {m.Cpu}, {m.Postgres}, {m.DotNet}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Modo (mode): {results.Mode}, {(results.Quick ? "rápido (--quick)" : "completo (full)")}, {results.Seconds:0} s, gateway {results.Gateway}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Sistema (system under test): {results.SystemSetup}");
        var warmUp = results.WarmUp;
        text.AppendLine(CultureInfo.InvariantCulture, $"Calentamiento (warm-up, not compared): eco {warmUp.Echo.PerSecond}/s y CreateReferral {warmUp.Create.PerSecond}/s a concurrencia {warmUp.Echo.Concurrency}, {warmUp.SecondsEach:0} s cada uno; {JitRounds(warmUp)}");
        text.AppendLine();
        text.AppendLine("| medición (measurement) | conc. | por s (per s) | p50 ms | p95 ms | p99 ms | fallas (failures) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        Rows(text, "A: INSERT + COMMIT (Npgsql)", results.BaselineInsert);
        Rows(text, "B: eco gRPC (gRPC echo)", results.BaselineEcho);
        var single = results.SingleCreate;
        Rows(text, $"B: eco gRPC una a la vez (echo one at a time), {single.Calls} seguidas", [single.Echo]);
        Rows(text, $"CreateReferral una a la vez (one at a time), {single.Calls} seguidas", [single.Create]);
        Rows(text, "CreateReferral", results.DurableCreate);
        var lag = results.EventLag;
        text.AppendLine(CultureInfo.InvariantCulture, $"| demora de eventos (event lag), {lag.RatePerSecond}/s × {lag.Seconds:0} s | – | {lag.SentPerSecond} | {lag.Lag.P50Ms} | {lag.Lag.P95Ms} | {lag.Lag.P99Ms} | {Failures(lag.Failures)}{(lag.NeverArrived > 0 ? $" sin llegar (never arrived): {lag.NeverArrived}" : "")}{(lag.SkippedBehindRate > 0 ? $" no enviadas, sistema atrasado (skipped, system behind): {lag.SkippedBehindRate}" : "")} |");
        foreach (var scale in results.NationalTable)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| tabla nacional (national table), {scale.Referrals:N0} / {scale.Municipalities} distritos | 1 | – | {scale.Latency.P50Ms} | {scale.Latency.P95Ms} | {scale.Latency.P99Ms} | {scale.TableRows} filas (rows); antes, {scale.WarmUpLatency.Count} de calentamiento (warm-up calls before): p50 {scale.WarmUpLatency.P50Ms}, p95 {scale.WarmUpLatency.P95Ms} ms |");
        }

        var paging = results.Paging;
        text.AppendLine(CultureInfo.InvariantCulture, $"| ListReferrals {paging.Municipality}, página 1 (first page) | 1 | – | {paging.FirstPage.P50Ms} | {paging.FirstPage.P95Ms} | {paging.FirstPage.P99Ms} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ListReferrals {paging.Municipality}, página {paging.DeepPageNumber} (deep page) | 1 | – | {paging.DeepPage.P50Ms} | {paging.DeepPage.P95Ms} | {paging.DeepPage.P99Ms} | |");
        var batch = results.Batch;
        text.AppendLine(CultureInfo.InvariantCulture, $"| {batch.BatchSize} CreateReferral sueltas (single) | 1 | {batch.SinglesPerSecond} | | | | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| BatchCreateReferrals de {batch.BatchSize} | 1 | {(batch.BatchPerSecond?.ToString(CultureInfo.InvariantCulture) ?? batch.NotMeasured)} | | | | {Failures(batch.ItemErrors)} |");
        text.AppendLine();
        CpuTable.Render(text, results.CpuPerCreate, results.DurableCreate[^1].Concurrency);
        text.AppendLine();
        CpuComparisonTable.Render(text, results.IdleCpu, results.SingleCreate.Cpu, results.CpuPerCreate, results.DurableCreate[^1].Concurrency);
        text.AppendLine();
        MemoryTable.Render(text, results.DotNetMemory);
        text.AppendLine();
        text.AppendLine("| objetivo (target) | medido (measured) | meta | |");
        text.AppendLine("| --- | ---: | ---: | :---: |");
        foreach (var check in results.Summary.Targets)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {check.Name} | {check.Measured} | {check.Target} | {check.Mark} |");
        }

        return text.ToString();
    }

    private static string JitRounds(WarmUpResult warmUp) => warmUp.JitMsPerRound.Count == 0
        ? "JIT de los servicios no medido (not measured)"
        : string.Create(CultureInfo.InvariantCulture,
            $"JIT de los servicios por ronda (background JIT per round): {string.Join(" → ", warmUp.JitMsPerRound.Select(ms => $"{ms:0} ms"))}{(warmUp.JitSettled ? ", asentado (settled)" : ", SIN ASENTAR (not settled): las mediciones cargan compilación")}");

    private static void Rows(StringBuilder text, string name, IReadOnlyList<LoadResult> results)
    {
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {r.Concurrency} | {r.PerSecond} | {r.Latency.P50Ms} | {r.Latency.P95Ms} | {r.Latency.P99Ms} | {Failures(r.Failures)} |");
        }
    }

    private static string Failures(IReadOnlyDictionary<string, int> failures) =>
        string.Join(", ", failures.Select(f => $"{f.Key}×{f.Value}"));
}
