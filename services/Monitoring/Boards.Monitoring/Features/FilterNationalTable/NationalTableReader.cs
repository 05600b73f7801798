using System.Globalization;
using Boards.Monitoring.Domain.Pulse;
using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Features.FilterNationalTable;

/// <summary>
/// Reads the filtered national table from the kept per-municipality monthly totals (never from referral_facts): a
/// period adds up at most 12 rows per municipality, found by the key (code, month); all time adds up all of them.
/// Service days and their institutions are read by the (municipality_code, date) indexes, the focal point from
/// focal_point_terms, the pulse by the (municipality_code, quarter) indexes of pulse_answers and pulse_slip_batches. The
/// filters are parameters; rounding and order happen in the Domain.
/// </summary>
public sealed class NationalTableReader(MonitoringDbContext db)
{
    // Registered municipalities that pass the filters; without department and cohort filters also those seen only in
    // referrals (listed with their code as name, like the national table). Each row's counts: the sum of its months.
    private const string RowsSql = """
        WITH listed AS (
            SELECT m.code, m.name, m.department, m.department_number, m.cohort
            FROM municipalities m
            WHERE (@code IS NULL OR m.code = @code)
              AND (@department IS NULL OR m.department_number = @department)
              AND (@cohort IS NULL OR m.cohort = @cohort)
            UNION ALL
            SELECT t.code, NULL, NULL, NULL, NULL
            FROM municipality_referral_totals t
            WHERE @department IS NULL AND @cohort IS NULL AND (@code IS NULL OR t.code = @code)
              AND NOT EXISTS (SELECT 1 FROM municipalities m WHERE m.code = t.code)
        )
        SELECT l.code AS "Code", l.name AS "Name", l.department AS "Department", l.department_number AS "DepartmentNumber",
               l.cohort AS "Cohort",
               COALESCE(c.sent, 0) AS "Sent", COALESCE(c.open, 0) AS "Open", COALESCE(c.accepted, 0) AS "Accepted",
               COALESCE(c.rejected, 0) AS "Rejected", COALESCE(c.completed, 0) AS "Completed", COALESCE(c.failed, 0) AS "Failed",
               COALESCE(c.cancelled, 0) AS "Cancelled", COALESCE(c.overdue, 0) AS "Overdue"
        FROM listed l
        CROSS JOIN LATERAL (
            SELECT sum(mt.sent)::bigint AS sent, sum(mt.open)::bigint AS open, sum(mt.accepted)::bigint AS accepted,
                   sum(mt.rejected)::bigint AS rejected, sum(mt.completed)::bigint AS completed, sum(mt.failed)::bigint AS failed,
                   sum(mt.cancelled)::bigint AS cancelled, sum(mt.overdue)::bigint AS overdue
            FROM municipality_month_totals mt
            WHERE mt.code = l.code AND (@from IS NULL OR mt.month >= @from) AND (@to IS NULL OR mt.month < @to)
        ) c
        """;

    private const string TrendSql = """
        SELECT mt.code AS "Code", mt.month AS "Month", mt.sent AS "Sent", mt.completed + mt.failed AS "ClosedLoop", mt.cancelled AS "Cancelled"
        FROM unnest(@codes) AS l(code)
        JOIN municipality_month_totals mt ON mt.code = l.code AND mt.month >= @trend_from AND mt.month < @trend_to
        """;

    private const string ServiceDaysSql = """
        SELECT d.municipality_code AS "Code", count(*)::int AS "Held", COALESCE(sum(d.people_served), 0)::int AS "PeopleServed"
        FROM service_day_reports d
        WHERE d.municipality_code = ANY(@codes) AND (@from IS NULL OR d.date >= @from) AND (@to IS NULL OR d.date < @to)
        GROUP BY d.municipality_code
        """;

    private const string InstitutionsSql = """
        SELECT i.municipality_code AS "Code", i.institution_code AS "Institution", count(*)::int AS "Days", sum(i.attentions)::int AS "Attentions"
        FROM service_day_institutions i
        WHERE i.municipality_code = ANY(@codes) AND (@from IS NULL OR i.date >= @from) AND (@to IS NULL OR i.date < @to)
        GROUP BY i.municipality_code, i.institution_code
        """;

    private const string FocalPointsSql = """
        SELECT DISTINCT ON (f.municipality_code) f.municipality_code AS "Code", f.starts_on AS "Since", f.access AS "Access"
        FROM focal_point_terms f
        WHERE f.municipality_code = ANY(@codes) AND f.board_version IS NOT NULL
        ORDER BY f.municipality_code, f.board_version DESC
        """;

    // The pulse of the quarters the period overlaps (all of them for all time), by the (municipality, quarter) indexes.
    private const string PulseSql = """
        SELECT l.code AS "Code",
               COALESCE(a.trust_answers, 0) AS "TrustAnswers", COALESCE(a.trust_sum, 0) AS "TrustSum",
               COALESCE(a.with_code, 0) AS "AnswersWithCode", COALESCE(s.slips, 0) AS "SlipsPrinted"
        FROM unnest(@codes) AS l(code)
        LEFT JOIN (
            SELECT municipality_code,
                   count(coalesce(trust_board, trust_institutions))::int AS trust_answers,
                   sum((coalesce(trust_board, trust_institutions) - 1) * 25.0)::float8 AS trust_sum,
                   (count(*) FILTER (WHERE with_code))::int AS with_code
            FROM pulse_answers
            WHERE municipality_code = ANY(@codes) AND (@quarters IS NULL OR quarter = ANY(@quarters))
            GROUP BY municipality_code
        ) a ON a.municipality_code = l.code
        LEFT JOIN (
            SELECT municipality_code, sum(count)::int AS slips
            FROM pulse_slip_batches
            WHERE municipality_code = ANY(@codes) AND (@quarters IS NULL OR quarter = ANY(@quarters))
            GROUP BY municipality_code
        ) s ON s.municipality_code = l.code
        WHERE a.municipality_code IS NOT NULL OR s.municipality_code IS NOT NULL
        """;

    public async Task<IReadOnlyList<NationalRow>> ReadAsync(
        NationalFilter filter, string? scopeCode, IReadOnlyList<DateOnly> trendMonths, CancellationToken cancellationToken)
    {
        var from = filter.Period?.FirstMonth;
        var to = filter.Period?.EndsBefore;
        var rows = await db.Database.SqlQueryRaw<CountsRow>(RowsSql,
                Text("code", scopeCode), Int("department", filter.Department), Text("cohort", filter.Cohort), Date("from", from), Date("to", to))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var codes = new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Code).ToArray() };
        var trend = (await db.Database.SqlQueryRaw<TrendRow>(TrendSql, Clone(codes),
                Date("trend_from", trendMonths[0]), Date("trend_to", trendMonths[^1].AddMonths(1)))
            .ToListAsync(cancellationToken)).ToLookup(t => t.Code, StringComparer.Ordinal);
        var days = (await db.Database.SqlQueryRaw<DaysRow>(ServiceDaysSql, Clone(codes), Date("from", from), Date("to", to))
            .ToListAsync(cancellationToken)).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var institutions = (await db.Database.SqlQueryRaw<InstitutionRow>(InstitutionsSql, Clone(codes), Date("from", from), Date("to", to))
            .ToListAsync(cancellationToken)).ToLookup(i => i.Code, StringComparer.Ordinal);
        var focalPoints = (await db.Database.SqlQueryRaw<FocalPointRow>(FocalPointsSql, Clone(codes))
            .ToListAsync(cancellationToken)).ToDictionary(f => f.Code, StringComparer.Ordinal);
        var quarters = PeriodPulse.Quarters(filter.Period);
        var pulse = (await db.Database.SqlQueryRaw<PulseRow>(PulseSql, Clone(codes),
                new NpgsqlParameter("quarters", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)quarters?.ToArray() ?? DBNull.Value })
            .ToListAsync(cancellationToken)).ToDictionary(p => p.Code, StringComparer.Ordinal);

        var result = rows.Select(row => new NationalRow(
                row.Code,
                string.IsNullOrWhiteSpace(row.Name) ? row.Code : row.Name,
                row.Department ?? "",
                row.DepartmentNumber,
                row.Cohort ?? "",
                row.ToCounts(),
                Months(trendMonths, trend[row.Code]),
                focalPoints.TryGetValue(row.Code, out var focal) ? new FocalPointStatus(true, focal.Access, focal.Since) : FocalPointStatus.None,
                days.TryGetValue(row.Code, out var held)
                    ? new PeriodServiceDays(held.Held, held.PeopleServed, [.. institutions[row.Code]
                        .OrderByDescending(i => i.Attentions).ThenBy(i => i.Institution, StringComparer.Ordinal)
                        .Select(i => new InstitutionServiceDays(i.Institution, i.Days, i.Attentions))])
                    : PeriodServiceDays.None,
                pulse.TryGetValue(row.Code, out var p) ? new PeriodPulse(p.TrustAnswers, p.TrustSum, p.AnswersWithCode, p.SlipsPrinted) : PeriodPulse.None))
            .ToList();
        result.Sort(NationalRow.DisplayOrder);
        return result;
    }

    /// <summary>The distinct cohorts of the registry, for the filter's check.</summary>
    public async Task<IReadOnlyList<string>> CohortsAsync(CancellationToken cancellationToken) =>
        await db.Municipalities.Where(m => m.Cohort != "").Select(m => m.Cohort).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);

    /// <summary>A department's name as the registry spells it; null when no municipality of it is registered.</summary>
    public Task<string?> DepartmentNameAsync(int number, CancellationToken cancellationToken) =>
        db.Municipalities.Where(m => m.DepartmentNumber == number).Select(m => m.Department).FirstOrDefaultAsync(cancellationToken);

    private static List<MonthTrend> Months(IReadOnlyList<DateOnly> months, IEnumerable<TrendRow> rows)
    {
        var byMonth = rows.ToDictionary(r => r.Month);
        return [.. months.Select(month => byMonth.TryGetValue(month, out var r)
            ? new MonthTrend(Label(month), checked((int)r.Sent), checked((int)r.ClosedLoop), checked((int)r.Cancelled))
            : new MonthTrend(Label(month), 0, 0, 0))];
    }

    private static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static NpgsqlParameter Clone(NpgsqlParameter parameter) => parameter.Clone();

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Varchar) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Int(string name, int? value) => new(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Date(string name, DateOnly? value) => new(name, NpgsqlDbType.Date) { Value = (object?)value ?? DBNull.Value };

    internal sealed class CountsRow
    {
        public string Code { get; init; } = "";
        public string? Name { get; init; }
        public string? Department { get; init; }
        public int? DepartmentNumber { get; init; }
        public string? Cohort { get; init; }
        public long Sent { get; init; }
        public long Open { get; init; }
        public long Accepted { get; init; }
        public long Rejected { get; init; }
        public long Completed { get; init; }
        public long Failed { get; init; }
        public long Cancelled { get; init; }
        public long Overdue { get; init; }

        public ReferralCounts ToCounts() => new(
            checked((int)Sent), checked((int)Open), checked((int)Accepted), checked((int)Rejected),
            checked((int)Completed), checked((int)Failed), checked((int)Cancelled), checked((int)Overdue));
    }

    internal sealed class TrendRow
    {
        public string Code { get; init; } = "";
        public DateOnly Month { get; init; }
        public long Sent { get; init; }
        public long ClosedLoop { get; init; }
        public long Cancelled { get; init; }
    }

    internal sealed class DaysRow
    {
        public string Code { get; init; } = "";
        public int Held { get; init; }
        public int PeopleServed { get; init; }
    }

    internal sealed class InstitutionRow
    {
        public string Code { get; init; } = "";
        public string Institution { get; init; } = "";
        public int Days { get; init; }
        public int Attentions { get; init; }
    }

    internal sealed class PulseRow
    {
        public string Code { get; init; } = "";
        public int TrustAnswers { get; init; }
        public double TrustSum { get; init; }
        public int AnswersWithCode { get; init; }
        public int SlipsPrinted { get; init; }
    }

    internal sealed class FocalPointRow
    {
        public string Code { get; init; } = "";
        public DateOnly? Since { get; init; }
        public string? Access { get; init; }
    }
}
