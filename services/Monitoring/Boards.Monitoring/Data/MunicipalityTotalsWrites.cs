using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Data;

/// <summary>
/// Moves a municipality's totals by one fact's change, in the consumer's transaction. The upsert adds the tally delta
/// and takes the totals row's lock; only then are the medians recomputed, so two events of one municipality never
/// compute a median from each other's uncommitted facts (the second waits for the first to commit, and under READ
/// COMMITTED its next statement sees that commit). A median is the percentile_cont of the old full query, found by
/// position in an index ordered by duration (see the NationalTableTotals migration): O(facts of the municipality
/// with that milestone / 2) index entries, and only when a milestone time changed.
/// </summary>
internal static class MunicipalityTotalsWrites
{
    private const string MoveSql = """
        INSERT INTO municipality_referral_totals AS t
            (code, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred)
        VALUES (@code, @sent, @open, @accepted, @rejected, @completed, @failed, @cancelled, @overdue, @counter_referred)
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
        RETURNING t.accepted AS "Accepted", t.counter_referred AS "CounterReferred"
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

    /// <summary>Applies the movement to the totals; the fact's own change is saved first so the medians see it.</summary>
    public static async Task MoveTotalsAsync(this MonitoringDbContext db, FactMovement movement, CancellationToken cancellationToken)
    {
        if (!movement.ChangesTotals)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        var delta = movement.Delta;
        var counts = (await db.Database.SqlQueryRaw<MedianCounts>(
                MoveSql,
                Code(movement.MunicipalityCode),
                Count("sent", delta.Sent),
                Count("open", delta.Open),
                Count("accepted", delta.Accepted),
                Count("rejected", delta.Rejected),
                Count("completed", delta.Completed),
                Count("failed", delta.Failed),
                Count("cancelled", delta.Cancelled),
                Count("overdue", delta.Overdue),
                Count("counter_referred", delta.CounterReferred))
            .ToListAsync(cancellationToken))
            .Single();

        if (movement.AcceptMedianChanged)
        {
            await RefreshMedianAsync(db, AcceptMedianSql, movement.MunicipalityCode, counts.Accepted, cancellationToken);
        }

        if (movement.CounterReferralMedianChanged)
        {
            await RefreshMedianAsync(db, CounterReferralMedianSql, movement.MunicipalityCode, counts.CounterReferred, cancellationToken);
        }
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

    private static NpgsqlParameter Count(string name, int value) => new(name, NpgsqlDbType.Bigint) { Value = (long)value };

    internal sealed class MedianCounts
    {
        public long Accepted { get; init; }
        public long CounterReferred { get; init; }
    }
}
