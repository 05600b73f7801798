using Npgsql;

namespace Boards.EndToEnd.Tests;

/// <summary>The number of rows in every table of every service's database: equal before and after means nothing was written.</summary>
public static class DatabaseRows
{
    public static readonly string[] Databases = ["referralsdb", "monitoringdb", "membershipdb", "needsdb", "servicedaysdb", "planningdb", "notificationsdb", "participationdb"];

    /// <summary>
    /// Tables that grow on requests with nothing to refuse, by design: the audit of personal-data reads records every
    /// get and list, and each retention sweep the admin asks for (a POST without a body) is recorded even when it
    /// anonymises nothing.
    /// </summary>
    public static readonly string[] GrowOnReads =
        ["referralsdb:public.personal_data_reads", "referralsdb:public.retention_runs", "servicedaysdb:public.retention_runs"];

    /// <summary>
    /// Notifications' tables that change on their own clock: the escalation chain of an earlier test's referral, a
    /// reminder or a digest may fall due in the middle of a measurement. Its one table a request writes, the
    /// preferences, stays watched; mark-as-read needs an id of the caller's own, which no malformed request has.
    /// </summary>
    public static readonly string[] ChangeOnTheirOwn =
    [
        "notificationsdb:public.announcements", "notificationsdb:public.notifications", "notificationsdb:public.outbox_messages",
        "notificationsdb:public.inbox_messages", "notificationsdb:public.tracked_referrals", "notificationsdb:public.tracked_agreements",
        "notificationsdb:public.tracked_service_days", "notificationsdb:public.digest_runs",
    ];

    /// <summary>Whether a table is left out of the "nothing was written" comparisons.</summary>
    public static bool Unwatched(string key) => GrowOnReads.Contains(key) || ChangeOnTheirOwn.Contains(key);

    public static async Task<SortedDictionary<string, long>> CountAsync()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var database in Databases)
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

            foreach (var table in tables)
            {
                await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
                counts[$"{database}:{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }

        return counts;
    }

    /// <summary>Waits until two counts a second apart agree (events from earlier tests still settling), and returns it.</summary>
    public static async Task<SortedDictionary<string, long>> SettledAsync()
    {
        var previous = await CountAsync();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = await CountAsync();
            if (current.SequenceEqual(previous))
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    public static IEnumerable<string> Differences(SortedDictionary<string, long> before, SortedDictionary<string, long> after) =>
        after.Where(row => !Unwatched(row.Key) && (!before.TryGetValue(row.Key, out var old) || old != row.Value))
            .Select(row => $"{row.Key}: {(before.TryGetValue(row.Key, out var old) ? old : 0)} → {row.Value}");
}
