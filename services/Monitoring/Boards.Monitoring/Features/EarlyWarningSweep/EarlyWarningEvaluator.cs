using Boards.Monitoring.Domain.EarlyWarnings;

namespace Boards.Monitoring.Features.EarlyWarningSweep;

/// <summary>
/// Reads the figures each rule needs from the read model (one grouped query per rule) and applies the pure rules of
/// <see cref="EarlyWarningRules"/>. Returns what holds now, per (municipality, rule).
/// </summary>
public sealed class EarlyWarningEvaluator(MonitoringDbContext db)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public async Task<Dictionary<(string Code, string Rule), Finding>> EvaluateAsync(
        DateTimeOffset now, EarlyWarningThresholds thresholds, CancellationToken cancellationToken)
    {
        now = now.ToUniversalTime();
        var findings = new Dictionary<(string, string), Finding>();

        void Add(string code, Finding? finding)
        {
            if (finding is not null)
            {
                findings[(code, finding.Rule)] = finding;
            }
        }

        // Rule 1: referrals whose latest overdue mark fell in the last 7 days vs the 7 days before.
        var weekAgo = now - Week;
        var twoWeeksAgo = now - 2 * Week;
        var overdue = await db.Database.SqlQuery<OverdueRow>($"""
            SELECT municipality_code AS "Code",
                   (count(*) FILTER (WHERE overdue_at > {weekAgo}))::int AS "LastWeek",
                   (count(*) FILTER (WHERE overdue_at <= {weekAgo}))::int AS "WeekBefore"
            FROM referral_facts
            WHERE overdue_at > {twoWeeksAgo} AND overdue_at <= {now}
            GROUP BY municipality_code
            """).ToListAsync(cancellationToken);
        foreach (var row in overdue)
        {
            Add(row.Code, EarlyWarningRules.OverdueRising(row.LastWeek, row.WeekBefore, thresholds));
        }

        // Rule 2: rejections for no_capacity or service_not_offered per category, by week (0 = the last 7 days).
        var since5 = now - 5 * Week;
        var rejections = await db.Database.SqlQuery<WeekRow>($"""
            SELECT municipality_code AS "Code", need_category AS "Category",
                   floor(extract(epoch FROM ({now} - rejected_at)) / 604800)::int AS "Week", count(*)::int AS "Count"
            FROM referral_facts
            WHERE rejection_reason IN ('no_capacity', 'service_not_offered') AND rejected_at > {since5} AND rejected_at <= {now}
            GROUP BY 1, 2, 3
            """).ToListAsync(cancellationToken);
        foreach (var municipality in rejections.GroupBy(r => r.Code))
        {
            // One warning per municipality: the category furthest above its trailing mean.
            var worst = municipality.GroupBy(r => r.Category)
                .Select(category =>
                {
                    var weeks = Weeks(category, 5);
                    var finding = EarlyWarningRules.UnmetDemand(category.Key, weeks[0], weeks[1..], thresholds);
                    return (Finding: finding, Excess: weeks[0] - weeks[1..].Sum() / 4m);
                })
                .Where(f => f.Finding is not null)
                .OrderByDescending(f => f.Excess)
                .ThenBy(f => f.Finding!.Evidence, StringComparer.Ordinal)
                .Select(f => f.Finding)
                .FirstOrDefault();
            Add(municipality.Key, worst);
        }

        // Rule 3: referrals created per week (0 = the last 7 days, 1–8 the trailing weeks). One range scan per
        // municipality with facts (each has a totals row) on (municipality_code, created_at), from the index alone; the
        // window over all municipalities at once has no index of its own and was a scan of the whole table.
        var since9 = now - 9 * Week;
        var created = await db.Database.SqlQuery<WeekRow>($"""
            SELECT t.code AS "Code", '' AS "Category", w."Week", w."Count"
            FROM municipality_referral_totals t
            CROSS JOIN LATERAL (
                SELECT floor(extract(epoch FROM ({now} - f.created_at)) / 604800)::int AS "Week", count(*)::int AS "Count"
                FROM referral_facts f
                WHERE f.municipality_code = t.code AND f.created_at > {since9} AND f.created_at <= {now}
                GROUP BY 1
            ) w
            """).ToListAsync(cancellationToken);
        foreach (var municipality in created.GroupBy(r => r.Code))
        {
            var weeks = Weeks(municipality, 9);
            Add(municipality.Key, EarlyWarningRules.WeeklySpike(weeks[0], weeks[1..], thresholds));
        }

        // Rule 4: the latest session date per municipality (only boards Monitoring has seen meet), today in Paraguay.
        var today = ParaguayCalendar.Today(now);
        var lastSessions = await db.Sessions.AsNoTracking()
            .GroupBy(s => s.Code)
            .Select(g => new { Code = g.Key, LastSessionOn = g.Max(s => s.Date) })
            .ToListAsync(cancellationToken);
        foreach (var session in lastSessions)
        {
            Add(session.Code, EarlyWarningRules.NoSession(session.LastSessionOn, today, thresholds));
        }

        // Rule 5: the roster representativity.
        var roster = await db.Representativity.AsNoTracking()
            .Where(r => r.Basis == RepresentativityBasis.Roster)
            .Select(r => new { r.Code, r.Score })
            .ToListAsync(cancellationToken);
        foreach (var row in roster)
        {
            Add(row.Code, EarlyWarningRules.Representativity(row.Score, thresholds));
        }

        // Rule 6: the current plan's overdue actions (latest roll-up).
        var plans = await db.Plans.AsNoTracking()
            .Select(p => new { p.Code, p.OverdueActions, p.ActionCount, p.Year })
            .ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            Add(plan.Code, EarlyWarningRules.PlanOverdue(plan.OverdueActions, plan.ActionCount, plan.Year, thresholds));
        }

        // Rule 7: the trust index quarter on quarter: the current quarter against the previous one, or, while the current
        // quarter has too few answers yet, the previous one against the one before (so a warning does not resolve on the
        // first day of a quarter).
        var current = GetPulse.GetPulseHandler.QuarterOf(today);
        var previous = GetPulse.GetPulseHandler.Previous(current);
        var before = GetPulse.GetPulseHandler.Previous(previous);
        var trust = await db.Database.SqlQuery<TrustRow>($"""
            SELECT municipality_code AS "Code", quarter AS "Quarter",
                   avg((coalesce(trust_board, trust_institutions) - 1) * 25.0)::float8 AS "Trust",
                   count(coalesce(trust_board, trust_institutions))::int AS "Answers"
            FROM pulse_answers
            WHERE quarter IN ({current}, {previous}, {before}) AND coalesce(trust_board, trust_institutions) IS NOT NULL
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken);
        foreach (var municipality in trust.GroupBy(r => r.Code))
        {
            var byQuarter = municipality.ToDictionary(r => r.Quarter, StringComparer.Ordinal);
            var (late, early) = byQuarter.TryGetValue(current, out var now0) && now0.Answers >= thresholds.TrustMinAnswers
                ? (current, previous)
                : (previous, before);
            if (byQuarter.TryGetValue(late, out var a) && byQuarter.TryGetValue(early, out var b))
            {
                Add(municipality.Key, EarlyWarningRules.TrustDrop(late, Round(a.Trust), a.Answers, early, Round(b.Trust), b.Answers, thresholds));
            }
        }

        return findings;
    }

    private static decimal Round(double value) => Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero);

    internal sealed class TrustRow
    {
        public string Code { get; set; } = "";
        public string Quarter { get; set; } = "";
        public double Trust { get; set; }
        public int Answers { get; set; }
    }

    private static int[] Weeks(IEnumerable<WeekRow> rows, int count)
    {
        var weeks = new int[count];
        foreach (var row in rows)
        {
            if (row.Week >= 0 && row.Week < count)
            {
                weeks[row.Week] += row.Count;
            }
        }

        return weeks;
    }

    internal sealed class OverdueRow
    {
        public string Code { get; set; } = "";
        public int LastWeek { get; set; }
        public int WeekBefore { get; set; }
    }

    internal sealed class WeekRow
    {
        public string Code { get; set; } = "";
        public string Category { get; set; } = "";
        public int Week { get; set; }
        public int Count { get; set; }
    }
}
