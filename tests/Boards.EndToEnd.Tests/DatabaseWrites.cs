using Npgsql;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Whether anything was written to any table of any service database: per table, the number of rows and a sum over
/// each live row version's place and creating transaction (ctid, xmin). An insert, update or delete changes it at once,
/// even one that leaves the number of rows as it was; reads, row locks and autovacuum do not. pg_stat_user_tables'
/// n_tup_ins/upd/del would say the same, but a backend flushes them when it can (at most once a second, and an idle
/// one later), so a comparison would have to wait for them.
/// </summary>
public static class DatabaseWrites
{
    public static async Task<SortedDictionary<string, string>> FingerprintAsync()
    {
        var prints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in DatabaseRows.Databases)
        {
            await using var connection = new NpgsqlConnection(BoardsAppFixture.AdminConnectionString(database));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "select format('%I.%I', schemaname, tablename) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            // The read audit grows on reads by design, and Notifications' tables on their own clock; every other table,
            // the outbox included, is still once settled.
            foreach (var table in tables.Where(t => !DatabaseRows.Unwatched($"{database}:{t}")))
            {
                await using var print = new NpgsqlCommand(
                    $"select count(*) || ' rows, ' || coalesce(sum(hashtext(ctid::text || xmin::text)::bigint), 0) from {table}", connection);
                prints[$"{database}:{table}"] = (string)(await print.ExecuteScalarAsync())!;
            }
        }

        return prints;
    }

    /// <summary>Waits until two fingerprints a second apart agree (earlier tests' events still settling), and returns it.</summary>
    public static async Task<SortedDictionary<string, string>> SettledAsync()
    {
        var previous = await FingerprintAsync();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = await FingerprintAsync();
            if (current.SequenceEqual(previous))
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    public static IEnumerable<string> Differences(SortedDictionary<string, string> before, SortedDictionary<string, string> after) =>
        after.Keys.Union(before.Keys)
            .Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table))
            .Select(table => $"{table}: {before.GetValueOrDefault(table) ?? "(none)"} → {after.GetValueOrDefault(table) ?? "(none)"}");
}
