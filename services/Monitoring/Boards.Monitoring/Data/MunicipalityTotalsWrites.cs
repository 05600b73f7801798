using Boards.BuildingBlocks.Inbox;
using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Data;

/// <summary>
/// Moves municipalities' totals by their facts' changes, in the consumer's transaction. A projection keeps each movement
/// on the context (<see cref="MoveTotals"/>); at the end of the transaction (<see cref="IWritesAtCommit"/>), after the facts
/// are saved, the movements are summed per municipality and written in one upsert, in code order: every transaction, a
/// batch of many events or a single one, locks totals rows in the same order, so two replicas' batches cannot deadlock on
/// them. The upsert adds the tally delta and takes the totals row's lock; only then are the medians recomputed, so two
/// transactions moving one municipality never compute a median from each other's uncommitted facts (the second waits for
/// the first to commit, and under READ COMMITTED its next statement sees that commit). A median is the percentile_cont of
/// the old full query, found by position in an index ordered by duration (see the NationalTableTotals migration):
/// O(facts of the municipality with that milestone / 2) index entries, and only when a milestone time changed.
/// </summary>
internal static class MunicipalityTotalsWrites
{
    private const string MoveSql = """
        INSERT INTO municipality_referral_totals AS t
            (code, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred)
        SELECT m.code, m.sent, m.open, m.accepted, m.rejected, m.completed, m.failed, m.cancelled, m.overdue, m.counter_referred
        FROM unnest(@codes, @sent, @open, @accepted, @rejected, @completed, @failed, @cancelled, @overdue, @counter_referred)
            AS m(code, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred)
        ORDER BY m.code
        ON CONFLICT (code) DO UPDATE SET
            sent = t.sent + excluded.sent,
            open = t.open + excluded.open,
            accepted = t.accepted + excluded.accepted,
            rejected = t.rejected + excluded.rejected,
            completed = t.completed + excluded.completed,
            failed = t.failed + excluded.failed,
            cancelled = t.cancelled + excluded.cancelled,
            overdue = t.overdue + excluded.overdue,
            counter_referred = t.counter_referred + excluded.counter_referred
        RETURNING t.code AS "Code", t.accepted AS "Accepted", t.counter_referred AS "CounterReferred"
        """;

    // The same deltas by creation month (docs/monitoring.md, "Filters"): no medians here.
    private const string MoveMonthsSql = """
        INSERT INTO municipality_month_totals AS t
            (code, month, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred)
        SELECT m.code, m.month, m.sent, m.open, m.accepted, m.rejected, m.completed, m.failed, m.cancelled, m.overdue, m.counter_referred
        FROM unnest(@codes, @months, @sent, @open, @accepted, @rejected, @completed, @failed, @cancelled, @overdue, @counter_referred)
            AS m(code, month, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred)
        ORDER BY m.code, m.month
        ON CONFLICT (code, month) DO UPDATE SET
            sent = t.sent + excluded.sent,
            open = t.open + excluded.open,
            accepted = t.accepted + excluded.accepted,
            rejected = t.rejected + excluded.rejected,
            completed = t.completed + excluded.completed,
            failed = t.failed + excluded.failed,
            cancelled = t.cancelled + excluded.cancelled,
            overdue = t.overdue + excluded.overdue,
            counter_referred = t.counter_referred + excluded.counter_referred
        """;

    // The ORDER BY expressions are the ones indexed (and the old query's); percentile_cont(0.5) interpolates the two
    // middle values as lo + 0.5 * (hi - lo), which this repeats so the result is the same double.
    private const string AcceptMedianSql = """
        UPDATE municipality_referral_totals SET median_seconds_to_accept = (
            SELECT min(d) + 0.5::double precision * (max(d) - min(d))
            FROM (SELECT EXTRACT(EPOCH FROM f.accepted_at - f.created_at)::double precision AS d
                  FROM referral_facts f
                  WHERE f.municipality_code = @code AND f.accepted_at IS NOT NULL
                  ORDER BY 1 OFFSET @skip LIMIT @take) middle)
        WHERE code = @code
        """;

    private const string CounterReferralMedianSql = """
        UPDATE municipality_referral_totals SET median_seconds_to_counter_referral = (
            SELECT min(d) + 0.5::double precision * (max(d) - min(d))
            FROM (SELECT EXTRACT(EPOCH FROM f.counter_referred_at - f.created_at)::double precision AS d
                  FROM referral_facts f
                  WHERE f.municipality_code = @code AND f.counter_referred_at IS NOT NULL
                  ORDER BY 1 OFFSET @skip LIMIT @take) middle)
        WHERE code = @code
        """;

    /// <summary>Keeps the movement for the end of the transaction, added to the municipality's other movements.</summary>
    public static void MoveTotals(this MonitoringDbContext db, FactMovement movement) => db.KeptTotals.Add(movement);

    /// <summary>
    /// Writes the kept movements: one upsert for every municipality, one for every municipality and month (after the
    /// totals rows, so every transaction takes the two tables' locks in the same order), then the medians that changed,
    /// in code order.
    /// </summary>
    public static async Task WriteKeptTotalsAsync(this MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var movements = db.KeptTotals.Movements;
        var months = db.KeptTotals.MonthMovements;
        if (movements.Count == 0 && months.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken); // the facts' own changes first, so the medians see them
        if (movements.Count == 0)
        {
            await MoveMonthsAsync(db, months, cancellationToken);
            return;
        }
        var counts = (await db.Database.SqlQueryRaw<MedianCounts>(
                MoveSql,
                new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = movements.Select(m => m.MunicipalityCode).ToArray() },
                Counts("sent", movements, d => d.Sent),
                Counts("open", movements, d => d.Open),
                Counts("accepted", movements, d => d.Accepted),
                Counts("rejected", movements, d => d.Rejected),
                Counts("completed", movements, d => d.Completed),
                Counts("failed", movements, d => d.Failed),
                Counts("cancelled", movements, d => d.Cancelled),
                Counts("overdue", movements, d => d.Overdue),
                Counts("counter_referred", movements, d => d.CounterReferred))
            .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Code, StringComparer.Ordinal);
        await MoveMonthsAsync(db, months, cancellationToken);

        foreach (var movement in movements.OrderBy(m => m.MunicipalityCode, StringComparer.Ordinal))
        {
            var count = counts[movement.MunicipalityCode];
            if (movement.AcceptMedianChanged)
            {
                await RefreshMedianAsync(db, AcceptMedianSql, movement.MunicipalityCode, count.Accepted, cancellationToken);
            }

            if (movement.CounterReferralMedianChanged)
            {
                await RefreshMedianAsync(db, CounterReferralMedianSql, movement.MunicipalityCode, count.CounterReferred, cancellationToken);
            }
        }
    }

    private static async Task MoveMonthsAsync(
        MonitoringDbContext db, IReadOnlyList<(string Code, DateOnly Month, ReferralTally Delta)> months, CancellationToken cancellationToken)
    {
        if (months.Count == 0)
        {
            return;
        }

        NpgsqlParameter MonthCounts(string name, Func<ReferralTally, int> count) =>
            new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = months.Select(m => (long)count(m.Delta)).ToArray() };

        await db.Database.ExecuteSqlRawAsync(
            MoveMonthsSql,
            [
                new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = months.Select(m => m.Code).ToArray() },
                new NpgsqlParameter("months", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = months.Select(m => m.Month).ToArray() },
                MonthCounts("sent", d => d.Sent),
                MonthCounts("open", d => d.Open),
                MonthCounts("accepted", d => d.Accepted),
                MonthCounts("rejected", d => d.Rejected),
                MonthCounts("completed", d => d.Completed),
                MonthCounts("failed", d => d.Failed),
                MonthCounts("cancelled", d => d.Cancelled),
                MonthCounts("overdue", d => d.Overdue),
                MonthCounts("counter_referred", d => d.CounterReferred),
            ],
            cancellationToken);
    }

    /// <summary>The middle value (odd count) or the two middle values (even count) of the sorted durations; none when empty.</summary>
    private static Task RefreshMedianAsync(MonitoringDbContext db, string sql, string code, long count, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            sql,
            [
                Code(code),
                new NpgsqlParameter("skip", NpgsqlDbType.Bigint) { Value = Math.Max(0, (count - 1) / 2) },
                new NpgsqlParameter("take", NpgsqlDbType.Bigint) { Value = count % 2 == 1 ? 1L : 2L },
            ],
            cancellationToken);

    private static NpgsqlParameter Code(string code) => new("code", NpgsqlDbType.Varchar) { Value = code };

    private static NpgsqlParameter Counts(string name, IReadOnlyCollection<FactMovement> movements, Func<ReferralTally, int> count) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = movements.Select(m => (long)count(m.Delta)).ToArray() };

    internal sealed class MedianCounts
    {
        public string Code { get; init; } = "";
        public long Accepted { get; init; }
        public long CounterReferred { get; init; }
    }
}
