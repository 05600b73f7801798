using System.Diagnostics;
using Boards.Bench.Infrastructure;
using Npgsql;

namespace Boards.Bench.Stages;

/// <summary>
/// The ministry's national table at scale. Monitoring's database is seeded directly with SQL: districts "bench-m001" …
/// in its municipality registry and referral_facts spread over them (statuses, acceptances, counter-referrals and
/// rejections mixed as in a real year). Then GET /api/monitoring/municipalities is called through the gateway with an
/// analyst's token, one call after another, and its p95 is taken.
/// </summary>
public static class NationalTable
{
    private const string Prefix = "bench-m";
    private const int Chunk = 500_000;

    public static async Task<IReadOnlyList<NationalResult>> RunAsync(SystemUnderTest system, Progress progress)
    {
        var options = system.Options;
        await using var monitoring = NpgsqlDataSource.Create($"{options.Database("monitoringdb")};Command Timeout=0");
        progress.Stage(5, "Tabla nacional: quitando filas de una corrida anterior");
        await RemoveSeededAsync(monitoring);
        var analyst = await system.Tokens.ForUserAsync("analyst", CancellationToken.None);
        var results = new List<NationalResult>();
        var seeded = 0L;
        foreach (var (facts, municipalities) in options.NationalScales)
        {
            progress.Stage(5, $"Tabla nacional: sembrando {facts:N0} derivaciones en {municipalities} distritos");
            var seeding = Stopwatch.StartNew();
            await SeedMunicipalitiesAsync(monitoring, municipalities);
            while (seeded < facts)
            {
                var count = (int)Math.Min(Chunk, facts - seeded);
                await SeedFactsAsync(monitoring, seeded, count, municipalities);
                seeded += count;
                progress.Detail($"{seeded:N0} / {facts:N0}");
            }

            var rebuilt = await RebuildTotalsAsync(monitoring);
            // VACUUM and CHECKPOINT too: otherwise autovacuum and the write-back of the seeded pages run in the middle of
            // the measured calls, and the table would be measured against the seeding.
            await Execute(monitoring, "VACUUM (ANALYZE) referral_facts");
            await Execute(monitoring, "CHECKPOINT");
            progress.Detail($"sembrado en {seeding.Elapsed.TotalSeconds:0} s" + (rebuilt ? " (con monitoring_rebuild_totals())" : " (sin monitoring_rebuild_totals(): consulta original)"));

            progress.Stage(5, $"Tabla nacional: {options.NationalCalls} llamadas a GET /api/monitoring/municipalities con {facts:N0} derivaciones");
            var latencies = new Latencies();
            var rows = 0;
            for (var call = -3; call < options.NationalCalls; call++)
            {
                var started = Stopwatch.GetTimestamp();
                var table = await system.GetAsync<List<System.Text.Json.JsonElement>>("/api/monitoring/municipalities", analyst, CancellationToken.None);
                if (call >= 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                rows = table.Count;
            }

            results.Add(new NationalResult(facts, municipalities, rows, rebuilt, Math.Round(seeding.Elapsed.TotalSeconds, 1), latencies.Summary()));
            progress.Detail($"{rows} filas, p50 {results[^1].Latency.P50Ms} ms, p95 {results[^1].Latency.P95Ms} ms");
        }

        if (options.CleanUp)
        {
            progress.Stage(5, "Tabla nacional: quitando las filas sembradas");
            await RemoveSeededAsync(monitoring);
        }

        return results;
    }

    private static Task SeedMunicipalitiesAsync(NpgsqlDataSource monitoring, int count) => Execute(monitoring, $"""
        INSERT INTO municipalities (code, name, department, department_number, registered_at)
        SELECT '{Prefix}' || lpad(g::text, 3, '0'), 'Distrito de prueba ' || g, 'Banco de pruebas', 99, now()
        FROM generate_series(1, {count}) g
        ON CONFLICT (code) DO NOTHING
        """);

    /// <summary>
    /// Rows numbered from <paramref name="first"/>: municipality by row number, created over the last 400 days, and a
    /// status mix of 30 % requested (a third overdue), 20 % accepted, 10 % in progress, 25 % completed, 10 % rejected, 5 % cancelled.
    /// </summary>
    private static Task SeedFactsAsync(NpgsqlDataSource monitoring, long first, int count, int municipalities) => Execute(monitoring, $"""
        INSERT INTO referral_facts (referral_id, municipality_code, status, version, created_at, accepted_at,
                                    counter_referred_at, overdue, need_category, rejection_reason, rejected_at, overdue_at)
        SELECT gen_random_uuid(), '{Prefix}' || lpad((g % {municipalities} + 1)::text, 3, '0'), s.status, s.version, c.created_at,
               CASE WHEN s.status IN ('accepted', 'in_progress', 'completed') THEN c.created_at + interval '2 days' END,
               CASE WHEN s.status = 'completed' THEN c.created_at + interval '12 days' END,
               s.status = 'requested' AND g % 3 = 0,
               (ARRAY['salud', 'educacion', 'vivienda', 'empleo', 'identidad'])[g % 5 + 1],
               CASE WHEN s.status = 'rejected' THEN 'no_capacity' END,
               CASE WHEN s.status = 'rejected' THEN c.created_at + interval '3 days' END,
               CASE WHEN s.status = 'requested' AND g % 3 = 0 THEN c.created_at + interval '5 days' END
        FROM generate_series({first}::bigint, {first + count - 1}::bigint) g
        CROSS JOIN LATERAL (SELECT now() - (g % 400) * interval '1 day' - (g % 86400) * interval '1 second' AS created_at) c
        CROSS JOIN LATERAL (SELECT CASE
                WHEN g % 20 < 6 THEN 'requested' WHEN g % 20 < 10 THEN 'accepted' WHEN g % 20 < 12 THEN 'in_progress'
                WHEN g % 20 < 17 THEN 'completed' WHEN g % 20 < 19 THEN 'rejected' ELSE 'cancelled' END AS status,
                CASE WHEN g % 20 < 6 THEN 1 ELSE 3 END AS version) s
        """);

    /// <summary>Helper 2's precomputed totals, when the function exists; otherwise the table is read by the original query.</summary>
    private static async Task<bool> RebuildTotalsAsync(NpgsqlDataSource monitoring)
    {
        await using var exists = monitoring.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'monitoring_rebuild_totals')");
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return false;
        }

        await Execute(monitoring, "SELECT monitoring_rebuild_totals()");
        return true;
    }

    private static async Task RemoveSeededAsync(NpgsqlDataSource monitoring)
    {
        await Execute(monitoring, $"DELETE FROM referral_facts WHERE municipality_code LIKE '{Prefix}%'");
        await Execute(monitoring, $"DELETE FROM municipalities WHERE code LIKE '{Prefix}%'");
        await RebuildTotalsAsync(monitoring);
    }

    private static async Task Execute(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record NationalResult(long Referrals, int Municipalities, int TableRows, bool TotalsRebuilt, double SeedSeconds, LatencySummary Latency);
