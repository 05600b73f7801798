using System.Diagnostics;
using Boards.Bench.Infrastructure;
using Boards.Referrals.Contracts.Grpc;
using Npgsql;

namespace Boards.Bench.Stages;

/// <summary>
/// ListReferrals of one municipality: the first page against a deep one. One referral is created through the API as
/// a template, then copied with SQL (new id and request id, its history too) until the municipality has more than
/// <see cref="BenchOptions.DeepPage"/> pages. The harness walks the page tokens to the deep page, then calls the first
/// page and the deep page alternately and compares their p95.
/// </summary>
public static class DeepPaging
{
    public const string RequestPrefix = "bench-page-";

    public static async Task<PagingResult> RunAsync(SystemUnderTest system, FocalPoint caller, Progress progress)
    {
        var options = system.Options;
        var needed = (options.DeepPage + 1) * options.PageSize;
        progress.Stage(5, $"ListReferrals: sembrando {needed:N0} derivaciones en {caller.Municipality}");
        var template = await system.Referrals.CreateReferralAsync(NewReferral.For(caller.Municipality), caller.Headers);
        await using var referrals = NpgsqlDataSource.Create($"{options.Database("referralsdb")};Command Timeout=0");
        await CopyAsync(referrals, Guid.Parse(template.Id), needed);

        progress.Stage(5, $"ListReferrals: recorriendo hasta la página {options.DeepPage}");
        var request = new ListReferralsRequest { MunicipalityCode = caller.Municipality, PageSize = options.PageSize };
        var deepToken = "";
        for (var page = 1; page < options.DeepPage; page++)
        {
            var response = await system.Referrals.ListReferralsAsync(new ListReferralsRequest(request) { PageToken = deepToken }, caller.Headers);
            deepToken = response.NextPageToken;
            if (string.IsNullOrEmpty(deepToken))
            {
                throw new InvalidOperationException($"La página {page} de {caller.Municipality} fue la última: faltan derivaciones sembradas.");
            }
        }

        progress.Stage(5, $"ListReferrals: {options.PagingCalls} llamadas a la primera página y {options.PagingCalls} a la página {options.DeepPage}");
        var first = new Latencies();
        var deep = new Latencies();
        for (var call = -2; call < options.PagingCalls; call++)
        {
            foreach (var (token, latencies) in new[] { ("", first), (deepToken, deep) })
            {
                var started = Stopwatch.GetTimestamp();
                var response = await system.Referrals.ListReferralsAsync(new ListReferralsRequest(request) { PageToken = token }, caller.Headers);
                if (call >= 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                if (response.Referrals.Count != options.PageSize)
                {
                    throw new InvalidOperationException($"Se esperaban {options.PageSize} derivaciones por página y llegaron {response.Referrals.Count}.");
                }
            }
        }

        if (options.CleanUp)
        {
            await using var delete = referrals.CreateCommand($"DELETE FROM referrals WHERE {await ColumnAsync(referrals, "referrals", "request_id", "RequestId")} LIKE '{RequestPrefix}%'");
            await delete.ExecuteNonQueryAsync();
        }

        var result = new PagingResult(caller.Municipality, options.PageSize, options.DeepPage, first.Summary(), deep.Summary(),
            Math.Round(deep.Percentile(95) / first.Percentile(95), 2));
        progress.Detail($"primera p95 {result.FirstPage.P95Ms} ms, página {options.DeepPage} p95 {result.DeepPage.P95Ms} ms, razón {result.DeepOverFirst}");
        return result;
    }

    /// <summary>Copies the template row <paramref name="count"/> times, whatever the table's current columns are.</summary>
    private static async Task CopyAsync(NpgsqlDataSource referrals, Guid template, int count)
    {
        var referralColumns = await ColumnsAsync(referrals, "referrals");
        var historyColumns = await ColumnsAsync(referrals, "referral_status_changes");
        var id = Pick(referralColumns, "id", "Id");
        var requestId = Pick(referralColumns, "request_id", "RequestId");
        var createdAt = Pick(referralColumns, "created_at", "CreatedAt");
        var owner = Pick(historyColumns, "referral_id", "ReferralId");
        var copied = string.Join(", ", referralColumns.Select(Quote));
        var values = string.Join(", ", referralColumns.Select(column =>
            column == id ? "n.id"
            : column == requestId ? $"'{RequestPrefix}' || n.id"
            : column == createdAt ? $"t.{Quote(column)} - n.g * interval '1 second'"
            : $"t.{Quote(column)}"));
        var historyCopied = string.Join(", ", historyColumns.Select(Quote));
        var historyValues = string.Join(", ", historyColumns.Select(column => column == owner ? "n.id" : $"h.{Quote(column)}"));
        await using var connection = await referrals.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in new[]
        {
            $"CREATE TEMP TABLE bench_new_ids ON COMMIT DROP AS SELECT gen_random_uuid() AS id, g FROM generate_series(1, {count}) g",
            $"INSERT INTO referrals ({copied}) SELECT {values} FROM referrals t CROSS JOIN bench_new_ids n WHERE t.{Quote(id)} = '{template}'",
            $"INSERT INTO referral_status_changes ({historyCopied}) SELECT {historyValues} FROM referral_status_changes h CROSS JOIN bench_new_ids n WHERE h.{Quote(owner)} = '{template}'",
        })
        {
            await using var copy = new NpgsqlCommand(statement, connection, transaction);
            await copy.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using var analyze = referrals.CreateCommand("ANALYZE referrals");
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Columns a plain INSERT may write: no identity-always or generated ones.</summary>
    private static async Task<List<string>> ColumnsAsync(NpgsqlDataSource data, string table)
    {
        await using var query = data.CreateCommand("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' AND coalesce(identity_generation, '') <> 'ALWAYS'
            ORDER BY ordinal_position
            """);
        query.Parameters.Add(new NpgsqlParameter { Value = table });
        var columns = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count > 0 ? columns : throw new InvalidOperationException($"La tabla {table} no existe en referralsdb.");
    }

    private static async Task<string> ColumnAsync(NpgsqlDataSource data, string table, params string[] names) => Quote(Pick(await ColumnsAsync(data, table), names));

    private static string Pick(List<string> columns, params string[] names) =>
        names.FirstOrDefault(columns.Contains) ?? throw new InvalidOperationException($"No se encontró la columna {string.Join(" / ", names)}.");

    private static string Quote(string column) => $"\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

public sealed record PagingResult(string Municipality, int PageSize, int DeepPageNumber, LatencySummary FirstPage, LatencySummary DeepPage, double DeepOverFirst);
