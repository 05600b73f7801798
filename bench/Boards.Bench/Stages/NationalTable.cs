using System.Diagnostics;
using Boards.Bench.Infrastructure;
using Npgsql;

namespace Boards.Bench.Stages;

/// <summary>
/// The ministry's national table at scale. Monitoring's database is seeded directly with SQL: districts "bench-m001" …
/// in its municipality registry, each with a board's figures (representativity, gaps, plan, service days, sessions), and referral_facts spread over them (statuses, acceptances, counter-referrals and
/// rejections mixed as in a real year). Then GET /api/monitoring/municipalities is called through the gateway with an
/// analyst's token, one call after another: first a warm-up, timed and kept apart, then the calls whose p95 is taken.
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
            await SeedBoardsAsync(monitoring);
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

            // The first calls after a start run the endpoint's code before the JIT has optimized it, and the background
            // recompilation competes with them for the two cores. They are timed apart and kept (WarmUpLatency), not hidden.
            progress.Stage(5, $"Tabla nacional: {options.NationalWarmUpCalls} llamadas de calentamiento y {options.NationalCalls} medidas a GET /api/monitoring/municipalities con {facts:N0} derivaciones");
            var warmUp = await TimeCallsAsync(system, analyst, options.NationalWarmUpCalls);
            var measured = await TimeCallsAsync(system, analyst, options.NationalCalls);
            var rows = measured.Rows;
            results.Add(new NationalResult(facts, municipalities, rows, rebuilt, Math.Round(seeding.Elapsed.TotalSeconds, 1), measured.Latencies.Summary(), warmUp.Latencies.Summary()));
            progress.Detail($"{rows} filas, p50 {results[^1].Latency.P50Ms} ms, p95 {results[^1].Latency.P95Ms} ms (calentamiento: p95 {results[^1].WarmUpLatency.P95Ms} ms)");
        }

        if (options.CleanUp)
        {
            progress.Stage(5, "Tabla nacional: quitando las filas sembradas");
            await RemoveSeededAsync(monitoring);
        }

        return results;
    }

    private static async Task<(Latencies Latencies, int Rows)> TimeCallsAsync(SystemUnderTest system, string analyst, int calls)
    {
        var latencies = new Latencies();
        var rows = 0;
        for (var call = 0; call < calls; call++)
        {
            var started = Stopwatch.GetTimestamp();
            var table = await system.GetAsync<List<System.Text.Json.JsonElement>>("/api/monitoring/municipalities", analyst, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            rows = table.Count;
        }

        return (latencies, rows);
    }

    private static Task SeedMunicipalitiesAsync(NpgsqlDataSource monitoring, int count) => Execute(monitoring, $"""
        INSERT INTO municipalities (code, name, department, department_number, registered_at)
        SELECT '{Prefix}' || lpad(g::text, 3, '0'), 'Distrito de prueba ' || g, 'Banco de pruebas', 99, now()
        FROM generate_series(1, {count}) g
        ON CONFLICT (code) DO NOTHING
        """);

    /// <summary>
    /// What else the table shows per district, so its joins read real rows: representativity on both bases, a gap analysis
    /// with five categories, a plan, and a service day and a board session every month for a year.
    /// </summary>
    private static Task SeedBoardsAsync(NpgsqlDataSource monitoring) => Execute(monitoring, $"""
        INSERT INTO municipality_representativity (code, basis, assessment_id, board_id, score, policy_version, gaps, assessed_at)
        SELECT m.code, b.basis, gen_random_uuid(), gen_random_uuid(), 40 + length(m.code) % 50, 1,
               ARRAY['Falta el sector salud', 'Falta la sociedad civil'], now() - interval '10 days'
        FROM municipalities m CROSS JOIN (VALUES ('roster'), ('attendance')) b(basis)
        WHERE m.code LIKE '{Prefix}%'
        ON CONFLICT DO NOTHING;
        INSERT INTO municipality_gap_analysis (code, analysis_id, trigger, evidence_since, computed_at, categories)
        SELECT m.code, gen_random_uuid(), 'scheduled', now() - interval '90 days', now() - interval '1 day',
               (SELECT jsonb_agg(jsonb_build_object('category', c, 'categoryName', initcap(c), 'peopleAffected', 40 + i,
                    'demand', 30 + i, 'offerCapacity', 10 * i, 'servicesOffered', i, 'coverageRatio', i / 10.0,
                    'rejectedNoCapacity', i, 'rejectedNotOffered', 1, 'counterReferredNoCapacity', 0, 'unmetDemand', 20 - i))
                FROM unnest(ARRAY['salud', 'educacion', 'vivienda', 'empleo', 'identidad']) WITH ORDINALITY AS u(c, i))
        FROM municipalities m WHERE m.code LIKE '{Prefix}%'
        ON CONFLICT DO NOTHING;
        INSERT INTO municipality_plans (code, year, plan_id, approved_version, approved_at, progress, action_count, figures_at,
                                        overdue_actions, done_actions, rollup_at, updated_at)
        SELECT m.code, 2026, gen_random_uuid(), 2, now() - interval '60 days', 45.5, 12, now(), 2, 5, now(), now()
        FROM municipalities m WHERE m.code LIKE '{Prefix}%'
        ON CONFLICT DO NOTHING;
        INSERT INTO service_day_reports (service_day_id, municipality_code, date, people_served, referrals_made, report_version, reported_at)
        SELECT gen_random_uuid(), m.code, current_date - 30 * g, 80 + g, 12 + g, 1, now()
        FROM municipalities m CROSS JOIN generate_series(0, 11) g
        WHERE m.code LIKE '{Prefix}%' AND NOT EXISTS (SELECT 1 FROM service_day_reports d WHERE d.municipality_code = m.code);
        INSERT INTO board_sessions (session_id, municipality_code, date, session_version, updated_at)
        SELECT gen_random_uuid(), m.code, current_date - 30 * g, 1, now()
        FROM municipalities m CROSS JOIN generate_series(0, 11) g
        WHERE m.code LIKE '{Prefix}%' AND NOT EXISTS (SELECT 1 FROM board_sessions s WHERE s.municipality_code = m.code)
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
        foreach (var table in new[] { "municipality_representativity", "municipality_gap_analysis", "municipality_plans" })
        {
            await Execute(monitoring, $"DELETE FROM {table} WHERE code LIKE '{Prefix}%'");
        }

        await Execute(monitoring, $"DELETE FROM service_day_reports WHERE municipality_code LIKE '{Prefix}%'");
        await Execute(monitoring, $"DELETE FROM board_sessions WHERE municipality_code LIKE '{Prefix}%'");
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

/// <summary><paramref name="WarmUpLatency"/>: the warm-up calls right after seeding (the first after the system started, for the first scale), timed but not part of the p95.</summary>
public sealed record NationalResult(
    long Referrals, int Municipalities, int TableRows, bool TotalsRebuilt, double SeedSeconds, LatencySummary Latency, LatencySummary WarmUpLatency);
