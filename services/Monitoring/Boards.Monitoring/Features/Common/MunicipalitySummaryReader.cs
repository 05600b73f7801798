using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Features.Common;

/// <summary>
/// Reads the indicators from municipality_referral_totals, which the consumers keep equal to the full computation over
/// referral_facts (counts with FILTER, medians with percentile_cont), joined to the registry: one row per municipality,
/// however many referrals there are (docs/performance.md). Rounding and ordering happen in the Domain.
/// </summary>
public sealed class MunicipalitySummaryReader(MonitoringDbContext db, TimeProvider clock)
{
    // The code filter is a parameter.
    private const string Sql = """
        WITH totals AS (
            SELECT t.* FROM municipality_referral_totals t
            WHERE @code IS NULL OR t.code = @code
        ),
        registry AS (
            SELECT m.code, m.name, m.department, m.department_number
            FROM municipalities m
            WHERE @code IS NULL OR m.code = @code
        )
        SELECT COALESCE(r.code, t.code) AS "Code",
               r.name AS "Name",
               r.department AS "Department",
               r.department_number AS "DepartmentNumber",
               COALESCE(t.sent, 0) AS "Sent",
               COALESCE(t.open, 0) AS "Open",
               COALESCE(t.accepted, 0) AS "Accepted",
               COALESCE(t.rejected, 0) AS "Rejected",
               COALESCE(t.completed, 0) AS "Completed",
               COALESCE(t.failed, 0) AS "Failed",
               COALESCE(t.cancelled, 0) AS "Cancelled",
               COALESCE(t.overdue, 0) AS "Overdue",
               t.median_seconds_to_accept AS "MedianSecondsToAccept",
               t.median_seconds_to_counter_referral AS "MedianSecondsToCounterReferral"
        FROM registry r
        FULL OUTER JOIN totals t ON t.code = r.code
        """;

    /// <summary>
    /// Every municipality (registered or seen in referrals), or just <paramref name="code"/> when given; in display order.
    /// One statement, so a request is one round trip: the totals and registry rows, a LEFT JOIN to each one-row table
    /// (representativity on both bases, gaps, plan) and a LATERAL aggregate of each many-row one (service days, sessions).
    /// </summary>
    public async Task<IReadOnlyList<MunicipalitySummary>> ReadAsync(string? code, CancellationToken cancellationToken)
    {
        var parameter = new NpgsqlParameter("code", NpgsqlDbType.Varchar) { Value = (object?)code ?? DBNull.Value };
        var today = ParaguayCalendar.Today(clock.GetUtcNow());
        var since = RecentWindow.Since(today);
        var query =
            from row in db.Database.SqlQueryRaw<SummaryRow>(Sql, parameter)
            from roster in db.Representativity.Where(r => r.Code == row.Code && r.Basis == RepresentativityBasis.Roster).DefaultIfEmpty()
            from attendance in db.Representativity.Where(r => r.Code == row.Code && r.Basis == RepresentativityBasis.Attendance).DefaultIfEmpty()
            from gaps in db.GapAnalyses.Where(g => g.Code == row.Code).DefaultIfEmpty()
            from plan in db.Plans.Where(p => p.Code == row.Code).DefaultIfEmpty()
            select new
            {
                Row = row,
                Roster = roster,
                Attendance = attendance,
                Gaps = gaps,
                Plan = plan,
                ServiceDays = db.ServiceDayReports
                    .Where(d => d.Code == row.Code)
                    .GroupBy(d => d.Code)
                    .Select(g => new ServiceDayAggregate
                    {
                        Held = g.Count(),
                        PeopleServed = g.Sum(d => d.PeopleServed),
                        ReferralsMade = g.Sum(d => d.ReferralsMade),
                        LastHeldOn = g.Max(d => d.Date),
                        RecentHeld = g.Count(d => d.Date >= since),
                        RecentPeopleServed = g.Sum(d => d.Date >= since ? d.PeopleServed : 0),
                        RecentReferralsMade = g.Sum(d => d.Date >= since ? d.ReferralsMade : 0),
                    })
                    .FirstOrDefault(),
                Sessions = db.Sessions
                    .Where(s => s.Code == row.Code)
                    .GroupBy(s => s.Code)
                    .Select(g => new SessionAggregate { Recent = g.Count(s => s.Date >= since && s.Date <= today), Last = g.Max(s => s.Date) })
                    .FirstOrDefault(),
            };
        var summaries = (await query.AsNoTracking().ToListAsync(cancellationToken)).Select(joined => ToSummary(joined.Row) with
        {
            Representativity = joined.Roster?.ToSnapshot(),
            AttendanceRepresentativity = joined.Attendance?.ToSnapshot(),
            Gaps = joined.Gaps?.ToSnapshot(),
            ServiceDays = joined.ServiceDays?.ToSnapshot(since),
            Plan = joined.Plan?.ToSnapshot(),
            Sessions = joined.Sessions is { } sessions ? new SessionsSnapshot(sessions.Recent, sessions.Last) : SessionsSnapshot.None,
        }).ToList();
        summaries.Sort(MunicipalitySummary.DisplayOrder);
        return summaries;
    }

    public async Task<MunicipalitySummary?> ReadOneAsync(string code, CancellationToken cancellationToken) =>
        (await ReadAsync(code, cancellationToken)).SingleOrDefault();

    private static MunicipalitySummary ToSummary(SummaryRow row) => MunicipalitySummary.Create(
        row.Code,
        row.Name,
        row.Department,
        row.DepartmentNumber,
        new ReferralCounts(
            checked((int)row.Sent),
            checked((int)row.Open),
            checked((int)row.Accepted),
            checked((int)row.Rejected),
            checked((int)row.Completed),
            checked((int)row.Failed),
            checked((int)row.Cancelled),
            checked((int)row.Overdue)),
        row.MedianSecondsToAccept,
        row.MedianSecondsToCounterReferral);

    internal sealed class SummaryRow
    {
        public string Code { get; init; } = "";
        public string? Name { get; init; }
        public string? Department { get; init; }
        public int? DepartmentNumber { get; init; }
        public long Sent { get; init; }
        public long Open { get; init; }
        public long Accepted { get; init; }
        public long Rejected { get; init; }
        public long Completed { get; init; }
        public long Failed { get; init; }
        public long Cancelled { get; init; }
        public long Overdue { get; init; }
        public double? MedianSecondsToAccept { get; init; }
        public double? MedianSecondsToCounterReferral { get; init; }
    }

    internal sealed class ServiceDayAggregate
    {
        public int Held { get; init; }
        public int PeopleServed { get; init; }
        public int ReferralsMade { get; init; }
        public DateOnly LastHeldOn { get; init; }
        public int RecentHeld { get; init; }
        public int RecentPeopleServed { get; init; }
        public int RecentReferralsMade { get; init; }

        public ServiceDaysSnapshot ToSnapshot(DateOnly since) => new(
            new ServiceDayTotals(Held, PeopleServed, ReferralsMade),
            LastHeldOn,
            new ServiceDayTotals(RecentHeld, RecentPeopleServed, RecentReferralsMade),
            since);
    }

    internal sealed class SessionAggregate
    {
        public int Recent { get; init; }
        public DateOnly Last { get; init; }
    }
}
