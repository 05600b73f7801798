using Boards.Bench.Infrastructure;
using Npgsql;

namespace Boards.Bench.Stages;

/// <summary>
/// Baseline A, the database's own limit: one single-row INSERT per call, committed on its own (autocommit, so one
/// round trip and one WAL flush), into a table of the bench database on the system's PostgreSQL server.
/// </summary>
public static class BaselineInsert
{
    public const string Database = "boards_bench";

    public static async Task<IReadOnlyList<LoadResult>> RunAsync(BenchOptions options, Progress progress)
    {
        await EnsureDatabaseAsync(options);
        await using var data = new NpgsqlDataSourceBuilder($"{options.Database(Database)};Maximum Pool Size=64;No Reset On Close=true").Build();
        await using (var create = data.CreateCommand("""
            CREATE TABLE IF NOT EXISTS bench_inserts (
                id uuid PRIMARY KEY,
                municipality_code varchar(64) NOT NULL,
                payload text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            TRUNCATE bench_inserts;
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        // About the size of a referral row with its person and reason.
        var payload = new string('x', 600);
        var results = new List<LoadResult>();
        foreach (var concurrency in options.Concurrencies)
        {
            progress.Stage(1, $"Línea base A (INSERT + COMMIT en PostgreSQL), concurrencia {concurrency}");
            results.Add(await ClosedLoop.RunAsync(concurrency, options.StepDuration, async (worker, cancellationToken) =>
            {
                await using var insert = data.CreateCommand("INSERT INTO bench_inserts (id, municipality_code, payload) VALUES ($1, $2, $3)");
                insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
                insert.Parameters.Add(new NpgsqlParameter { Value = "alto-vera" });
                insert.Parameters.Add(new NpgsqlParameter { Value = payload });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }));
            progress.Detail(Describe(results[^1]));
        }

        return results;
    }

    public static string Describe(LoadResult result) =>
        $"{result.PerSecond:0.0}/s, p50 {result.Latency.P50Ms} ms, p99 {result.Latency.P99Ms} ms" +
        (result.Failures.Count == 0 ? "" : $", fallas: {string.Join(", ", result.Failures.Select(f => $"{f.Key}×{f.Value}"))}");

    private static async Task EnsureDatabaseAsync(BenchOptions options)
    {
        await using var server = new NpgsqlConnection($"{options.Database("postgres")}");
        await server.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{Database}'", server);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", server);
            await create.ExecuteNonQueryAsync();
        }
    }
}
