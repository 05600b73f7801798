using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Every municipality (registered or seen in referrals), or just <paramref name="code"/> when given; in display order.</summary>
    public async Task<IReadOnlyList<MunicipalitySummary>> ReadAsync(string? code, CancellationToken cancellationToken)
    {
        var parameter = new NpgsqlParameter("code", NpgsqlDbType.Varchar) { Value = (object?)code ?? DBNull.Value };
        var rows = await db.Database.SqlQueryRaw<SummaryRow>(Sql, parameter).ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.Code).ToList();
        var representativity = await db.Representativity.AsNoTracking()
            .Where(r => codes.Contains(r.Code))
            .ToDictionaryAsync(r => (r.Code, r.Basis), r => r.ToSnapshot(), cancellationToken);
        var gaps = (await db.GapAnalyses.AsNoTracking()
            .Where(g => codes.Contains(g.Code))
            .ToListAsync(cancellationToken))
            .ToDictionary(g => g.Code, g => g.ToSnapshot());
        var today = ParaguayCalendar.Today(clock.GetUtcNow());
        var serviceDays = await ReadServiceDaysAsync(codes, today, cancellationToken);
        var sessions = await ReadSessionsAsync(codes, today, cancellationToken);
        var plans = (await db.Plans.AsNoTracking()
            .Where(p => codes.Contains(p.Code))
            .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Code, p => p.ToSnapshot());
        var summaries = rows.Select(row => ToSummary(row) with
        {
            Representativity = representativity.GetValueOrDefault((row.Code, RepresentativityBasis.Roster)),
            AttendanceRepresentativity = representativity.GetValueOrDefault((row.Code, RepresentativityBasis.Attendance)),
            Gaps = gaps.GetValueOrDefault(row.Code),
            ServiceDays = serviceDays.GetValueOrDefault(row.Code),
            Plan = plans.GetValueOrDefault(row.Code),
            Sessions = sessions.GetValueOrDefault(row.Code) ?? SessionsSnapshot.None,
        }).ToList();
        summaries.Sort(MunicipalitySummary.DisplayOrder);
        return summaries;
    }

    /// <summary>Service day totals per municipality in one grouped pass: all time, and the recent window with FILTERed sums.</summary>
    private async Task<Dictionary<string, ServiceDaysSnapshot>> ReadServiceDaysAsync(
        List<string> codes, DateOnly today, CancellationToken cancellationToken)
    {
        var since = RecentWindow.Since(today);
        var totals = await db.ServiceDayReports.AsNoTracking()
            .Where(d => codes.Contains(d.Code))
            .GroupBy(d => d.Code)
            .Select(g => new
            {
                Code = g.Key,
                Held = g.Count(),
                PeopleServed = g.Sum(d => d.PeopleServed),
                ReferralsMade = g.Sum(d => d.ReferralsMade),
                LastHeldOn = g.Max(d => d.Date),
                RecentHeld = g.Count(d => d.Date >= since),
                RecentPeopleServed = g.Sum(d => d.Date >= since ? d.PeopleServed : 0),
                RecentReferralsMade = g.Sum(d => d.Date >= since ? d.ReferralsMade : 0),
            })
            .ToListAsync(cancellationToken);
        return totals.ToDictionary(t => t.Code, t => new ServiceDaysSnapshot(
            new ServiceDayTotals(t.Held, t.PeopleServed, t.ReferralsMade),
            t.LastHeldOn,
            new ServiceDayTotals(t.RecentHeld, t.RecentPeopleServed, t.RecentReferralsMade),
            since));
    }

    /// <summary>Board sessions per municipality in one grouped pass: those dated in the recent window, and the latest date.</summary>
    private async Task<Dictionary<string, SessionsSnapshot>> ReadSessionsAsync(
        List<string> codes, DateOnly today, CancellationToken cancellationToken)
    {
        var since = RecentWindow.Since(today);
        var totals = await db.Sessions.AsNoTracking()
            .Where(s => codes.Contains(s.Code))
            .GroupBy(s => s.Code)
            .Select(g => new { Code = g.Key, Recent = g.Count(s => s.Date >= since && s.Date <= today), Last = g.Max(s => s.Date) })
            .ToListAsync(cancellationToken);
        return totals.ToDictionary(t => t.Code, t => new SessionsSnapshot(t.Recent, t.Last));
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
}
