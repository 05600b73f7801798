using Boards.BuildingBlocks.Errors;
using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Data;

/// <summary>
/// Row-locked reads and race-safe inserts for the consumers. Consumers on one endpoint run concurrently, so two events
/// of one referral can be handled at once: the row is read FOR UPDATE (the second waits for the first to commit), and
/// when two first events race to insert, the loser rolls back to EF's automatic savepoint and updates the winner's row.
/// </summary>
internal static class ReadModelWrites
{
    public static Task<ReferralFact?> LockFactAsync(this MonitoringDbContext db, Guid referralId, CancellationToken cancellationToken) =>
        db.ReferralFacts
            .FromSqlInterpolated($"SELECT * FROM referral_facts WHERE referral_id = {referralId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<Municipality?> LockMunicipalityAsync(this MonitoringDbContext db, string code, CancellationToken cancellationToken) =>
        db.Municipalities
            .FromSqlInterpolated($"SELECT * FROM municipalities WHERE code = {code} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<MunicipalityRepresentativity?> LockRepresentativityAsync(
        this MonitoringDbContext db, string code, string basis, CancellationToken cancellationToken) =>
        db.Representativity
            .FromSqlInterpolated($"SELECT * FROM municipality_representativity WHERE code = {code} AND basis = {basis} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<MunicipalityGapAnalysis?> LockGapAnalysisAsync(this MonitoringDbContext db, string code, CancellationToken cancellationToken) =>
        db.GapAnalyses
            .FromSqlInterpolated($"SELECT * FROM municipality_gap_analysis WHERE code = {code} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<ServiceDayReport?> LockServiceDayAsync(this MonitoringDbContext db, Guid serviceDayId, CancellationToken cancellationToken) =>
        db.ServiceDayReports
            .FromSqlInterpolated($"SELECT * FROM service_day_reports WHERE service_day_id = {serviceDayId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<MunicipalityPlan?> LockPlanAsync(this MonitoringDbContext db, string code, CancellationToken cancellationToken) =>
        db.Plans
            .FromSqlInterpolated($"SELECT * FROM municipality_plans WHERE code = {code} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<PlanAction?> LockPlanActionAsync(this MonitoringDbContext db, Guid actionId, CancellationToken cancellationToken) =>
        db.PlanActions
            .FromSqlInterpolated($"SELECT * FROM plan_actions WHERE action_id = {actionId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<BoardSession?> LockSessionAsync(this MonitoringDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        db.Sessions
            .FromSqlInterpolated($"SELECT * FROM board_sessions WHERE session_id = {sessionId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<FocalPointTerm?> LockFocalPointTermAsync(this MonitoringDbContext db, Guid termId, CancellationToken cancellationToken) =>
        db.FocalPointTerms
            .FromSqlInterpolated($"SELECT * FROM focal_point_terms WHERE term_id = {termId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Inserts a new row now; false when another transaction inserted the same key first (nothing is kept then).</summary>
    public static async Task<bool> TryInsertAsync<TEntity>(this MonitoringDbContext db, TEntity entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entry = db.Add(entity);
        // The consumer turns savepoints off; this save needs one so that losing the race leaves the transaction usable.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            entry.State = EntityState.Detached;
            return false;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    /// <summary>
    /// The row under lock, or a new one from <paramref name="create"/> when there is none (Inserted is then true and the
    /// row holds the reading already). When another transaction inserts the same key first, its row is locked and
    /// returned instead, for the caller to apply its reading to.
    /// </summary>
    public static async Task<(TEntity Row, bool Inserted)> LockOrInsertAsync<TEntity>(
        this MonitoringDbContext db, Func<Task<TEntity?>> lockRow, Func<TEntity> create, string description, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (await lockRow() is { } existing)
        {
            return (existing, false);
        }

        var created = create();
        if (await db.TryInsertAsync(created, cancellationToken))
        {
            return (created, true);
        }

        return (await lockRow() ?? throw new InvalidOperationException($"{description} vanished after a concurrent insert."), false);
    }

    private const string InsertFactSql = """
        INSERT INTO referral_facts (referral_id, municipality_code, status, version, created_at, accepted_at,
            counter_referred_at, overdue, need_category, rejection_reason, rejected_at, overdue_at)
        VALUES (@id, @municipality, @status, @version, @created, @accepted, @counter_referred, @overdue, @category,
            @reason, @rejected, @overdue_at)
        ON CONFLICT (referral_id) DO NOTHING
        """;

    /// <summary>
    /// Inserts a referral's first fact in one statement; false when another transaction inserted it first. Unlike
    /// <see cref="TryInsertAsync{TEntity}"/> it needs no savepoint: this is the path every new referral takes.
    /// The columns are those of ReferralFactConfiguration.
    /// </summary>
    public static async Task<bool> TryInsertFactAsync(this MonitoringDbContext db, ReferralFact fact, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(InsertFactSql,
        [
            new NpgsqlParameter<Guid>("id", fact.ReferralId),
            new NpgsqlParameter<string>("municipality", fact.MunicipalityCode),
            new NpgsqlParameter<string>("status", fact.Status.Code()),
            new NpgsqlParameter<long>("version", fact.Version),
            new NpgsqlParameter<DateTimeOffset>("created", fact.CreatedAt),
            Time("accepted", fact.AcceptedAt),
            Time("counter_referred", fact.CounterReferredAt),
            new NpgsqlParameter<bool>("overdue", fact.Overdue),
            new NpgsqlParameter<string>("category", fact.NeedCategory),
            new NpgsqlParameter("reason", NpgsqlDbType.Varchar) { Value = (object?)fact.RejectionReason ?? DBNull.Value },
            Time("rejected", fact.RejectedAt),
            Time("overdue_at", fact.OverdueAt),
        ], cancellationToken) == 1;

    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value ?? DBNull.Value };
}
