using Boards.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>Inserts a new row now; false when another transaction inserted the same key first (nothing is kept then).</summary>
    public static async Task<bool> TryInsertAsync<TEntity>(this MonitoringDbContext db, TEntity entity, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entry = db.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            entry.State = EntityState.Detached;
            return false;
        }
    }
}
