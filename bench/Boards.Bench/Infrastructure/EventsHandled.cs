using System.Diagnostics;
using Npgsql;

namespace Boards.Bench.Infrastructure;

/// <summary>
/// Waits until the whole pipeline of the given referrals is done, so that the CPU window of a create step holds all
/// of it and the next step starts from a quiet system: Monitoring has their referral_facts rows and Notifications
/// their tracked referrals (their events went through the outbox relay, RabbitMQ and both consumers), then nothing is
/// left to do after them: every announcement fanned out, every e-mail due sent, every outbox relayed. Closing the window
/// at Monitoring alone left Notifications' fan-out and e-mails of a fast step outside it.
/// </summary>
public static class EventsHandled
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly (string Database, string Sql)[] LeftToDo =
    [
        ("referralsdb", """SELECT count(*) FROM outbox_messages WHERE "PublishedAt" IS NULL AND "DeadLetteredAt" IS NULL"""),
        ("monitoringdb", """SELECT count(*) FROM outbox_messages WHERE "PublishedAt" IS NULL AND "DeadLetteredAt" IS NULL"""),
        ("notificationsdb", """
            SELECT (SELECT count(*) FROM announcements WHERE "FannedOutAt" IS NULL)
                 + (SELECT count(*) FROM notifications WHERE "EmailStatus" = 'pending' AND ("NextEmailAttemptAt" IS NULL OR "NextEmailAttemptAt" <= now()))
                 + (SELECT count(*) FROM outbox_messages WHERE "PublishedAt" IS NULL AND "DeadLetteredAt" IS NULL)
            """),
    ];

    /// <summary>Returns how long it waited and how many referrals were still missing a step when it stopped.</summary>
    public static async Task<(double Seconds, int Missing)> WaitAsync(BenchOptions options, IReadOnlyCollection<Guid> referrals, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        if (referrals.Count == 0)
        {
            return (0, 0);
        }

        var missing = 0;
        foreach (var (database, table, column) in new[] { ("monitoringdb", "referral_facts", "referral_id"), ("notificationsdb", "tracked_referrals", "\"ReferralId\"") })
        {
            missing = Math.Max(missing, await ArrivedAsync(options, database, table, column, referrals, patience - clock.Elapsed));
        }

        foreach (var (database, sql) in LeftToDo)
        {
            await DoneAsync(options, database, sql, patience - clock.Elapsed);
        }

        return (clock.Elapsed.TotalSeconds, missing);
    }

    /// <summary>Polls until every referral has its row; only the ones not yet seen are asked for again, so the polls add little.</summary>
    private static async Task<int> ArrivedAsync(BenchOptions options, string database, string table, string column, IReadOnlyCollection<Guid> referrals, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(options.Database(database));
        var waiting = referrals.ToHashSet();
        while (true)
        {
            await using var query = source.CreateCommand($"SELECT {column} FROM {table} WHERE {column} = ANY($1)");
            query.Parameters.Add(new NpgsqlParameter { Value = waiting.ToArray() });
            await using (var reader = await query.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    waiting.Remove(reader.GetGuid(0));
                }
            }

            if (waiting.Count == 0 || clock.Elapsed > patience)
            {
                return waiting.Count;
            }

            await Task.Delay(PollInterval);
        }
    }

    private static async Task DoneAsync(BenchOptions options, string database, string sql, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(options.Database(database));
        while (clock.Elapsed <= patience)
        {
            await using var query = source.CreateCommand(sql);
            if (Convert.ToInt64(await query.ExecuteScalarAsync()) == 0)
            {
                return;
            }

            await Task.Delay(PollInterval);
        }
    }
}
