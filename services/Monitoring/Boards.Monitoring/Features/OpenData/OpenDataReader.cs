using System.Text.Json;
using Boards.Monitoring.Domain.OpenData;
using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>
/// Reads the figures of a month for a set of registered municipalities, grouped in PostgreSQL: the cohort per need
/// category and the medians (range scans of ix_referral_facts_municipality_code_created_at per municipality), the
/// service days of the month, and the latest reading of each kind before the month's end. Nothing here is withheld yet:
/// that is <see cref="PublishedMonth.From"/>'s job, in one place.
/// </summary>
public sealed class OpenDataReader(MonitoringDbContext db)
{
    private static readonly string CohortSql = $"""
        SELECT f.municipality_code AS "Code", f.need_category AS "Category",
               count(*)::int AS "Sent",
               (count(*) FILTER (WHERE f.status IN ('{ReferralStatuses.CompletedCode}', '{ReferralStatuses.FailedCode}')))::int AS "Closed",
               (count(*) FILTER (WHERE f.status = '{ReferralStatuses.CancelledCode}'))::int AS "Cancelled"
        FROM referral_facts f
        WHERE f.municipality_code = ANY(@codes) AND f.created_at >= @from AND f.created_at < @to
        GROUP BY f.municipality_code, f.need_category
        """;

    private const string MediansSql = """
        SELECT f.municipality_code AS "Code",
               count(f.accepted_at)::int AS "Accepted",
               percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM f.accepted_at - f.created_at)::double precision) AS "SecondsToAccept",
               count(f.counter_referred_at)::int AS "CounterReferred",
               percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM f.counter_referred_at - f.created_at)::double precision) AS "SecondsToCounterReferral"
        FROM referral_facts f
        WHERE f.municipality_code = ANY(@codes) AND f.created_at >= @from AND f.created_at < @to
        GROUP BY f.municipality_code
        """;

    private const string ServiceDaysSql = """
        SELECT municipality_code AS "Code", count(*)::int AS "Held", coalesce(sum(people_served), 0)::int AS "PeopleServed"
        FROM service_day_reports
        WHERE municipality_code = ANY(@codes) AND date >= @first_day AND date < @next_first_day
        GROUP BY municipality_code
        """;

    // The plan of the latest year wins, then the newest reading of it; for the other kinds year is null.
    private const string ReadingsSql = """
        SELECT DISTINCT ON (code, kind) code AS "Code", kind AS "Kind", value AS "Value", gaps::text AS "Gaps"
        FROM indicator_readings
        WHERE code = ANY(@codes) AND taken_at < @to
        ORDER BY code, kind, year DESC NULLS LAST, taken_at DESC
        """;

    private const string FirstSql = """
        SELECT least(
            (SELECT min(first_at) FROM municipalities m
                 CROSS JOIN LATERAL (SELECT min(f.created_at) AS first_at FROM referral_facts f WHERE f.municipality_code = m.code) x),
            (SELECT min(d.date)::timestamp AT TIME ZONE 'UTC' FROM service_day_reports d JOIN municipalities m ON m.code = d.municipality_code)) AS "Value"
        """;

    // Quarter codes ("2026-Q1") sort as text; the lateral min is a lookup of the (municipality, quarter) index.
    private const string FirstPulseSql = """
        SELECT least(
            (SELECT min(x.quarter) FROM municipalities m
                 CROSS JOIN LATERAL (SELECT min(a.quarter) AS quarter FROM pulse_answers a WHERE a.municipality_code = m.code) x),
            (SELECT min(x.quarter) FROM municipalities m
                 CROSS JOIN LATERAL (SELECT min(b.quarter) AS quarter FROM pulse_slip_batches b WHERE b.municipality_code = m.code) x)) AS "Value"
        """;

    /// <summary>The pulse's first quarter ("2026-Q1") with an answer or a slip of a registered municipality; null before any.</summary>
    public async Task<string?> FirstPulseQuarterAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string?>(FirstPulseSql).SingleAsync(cancellationToken);

    /// <summary>The public registry: every registered municipality, in the national order.</summary>
    public async Task<IReadOnlyList<Municipality>> RegistryAsync(CancellationToken cancellationToken)
    {
        var all = await db.Municipalities.AsNoTracking().ToListAsync(cancellationToken);
        return all.OrderBy(m => m.DepartmentNumber)
            .ThenBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("es-PY"), ignoreCase: true))
            .ThenBy(m => m.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>When the first referral or service day of a registered municipality happened; null before any.</summary>
    public async Task<DateTimeOffset?> FirstActivityAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<DateTimeOffset?>(FirstSql).SingleAsync(cancellationToken);

    /// <summary>The raw figures of <paramref name="month"/> for each of <paramref name="codes"/> (registered codes).</summary>
    public async Task<IReadOnlyDictionary<string, MonthFigures>> ReadAsync(
        IReadOnlyList<string> codes, OpenMonth month, CancellationToken cancellationToken)
    {
        var cohorts = await db.Database.SqlQueryRaw<CohortRowData>(CohortSql, Codes(codes), From(month), To(month)).ToListAsync(cancellationToken);
        var medians = await db.Database.SqlQueryRaw<MedianRow>(MediansSql, Codes(codes), From(month), To(month)).ToListAsync(cancellationToken);
        var days = await db.Database.SqlQueryRaw<ServiceDayRow>(
            ServiceDaysSql,
            Codes(codes),
            new NpgsqlParameter("first_day", NpgsqlDbType.Date) { Value = month.FirstDay },
            new NpgsqlParameter("next_first_day", NpgsqlDbType.Date) { Value = month.FirstDay.AddMonths(1) }).ToListAsync(cancellationToken);
        var readings = await db.Database.SqlQueryRaw<ReadingRow>(ReadingsSql, Codes(codes), To(month)).ToListAsync(cancellationToken);

        var cohortsByCode = cohorts.ToLookup(c => c.Code);
        var mediansByCode = medians.ToDictionary(m => m.Code);
        var daysByCode = days.ToDictionary(d => d.Code);
        var readingsByCode = readings.ToLookup(r => r.Code);
        return codes.ToDictionary(code => code, code =>
        {
            var median = mediansByCode.GetValueOrDefault(code);
            var day = daysByCode.GetValueOrDefault(code);
            var latest = readingsByCode[code].ToDictionary(r => r.Kind);
            return new MonthFigures(
                code,
                cohortsByCode[code]
                    .Select(c => new CohortRow(c.Category.Length == 0 ? OpenDataVocabulary.NoCategory : c.Category, c.Sent, c.Closed, c.Cancelled))
                    .ToList(),
                new Durations(median?.Accepted ?? 0, median?.SecondsToAccept),
                new Durations(median?.CounterReferred ?? 0, median?.SecondsToCounterReferral),
                day?.Held ?? 0,
                day?.PeopleServed ?? 0,
                latest.GetValueOrDefault(IndicatorKinds.RosterRepresentativity)?.Value,
                latest.GetValueOrDefault(IndicatorKinds.AttendanceRepresentativity)?.Value,
                latest.GetValueOrDefault(IndicatorKinds.PlanProgress)?.Value,
                latest.GetValueOrDefault(IndicatorKinds.GapAnalysis) is { Gaps: { } gaps }
                    ? JsonSerializer.Deserialize<List<CategoryGapValue>>(gaps, Json) ?? []
                    : []);
        });
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static NpgsqlParameter Codes(IReadOnlyList<string> codes) =>
        new("codes", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = codes.ToArray() };

    private static NpgsqlParameter From(OpenMonth month) => new("from", NpgsqlDbType.TimestampTz) { Value = month.StartsAt.UtcDateTime };

    private static NpgsqlParameter To(OpenMonth month) => new("to", NpgsqlDbType.TimestampTz) { Value = month.EndsAt.UtcDateTime };

    internal sealed class CohortRowData
    {
        public string Code { get; init; } = "";
        public string Category { get; init; } = "";
        public int Sent { get; init; }
        public int Closed { get; init; }
        public int Cancelled { get; init; }
    }

    internal sealed class MedianRow
    {
        public string Code { get; init; } = "";
        public int Accepted { get; init; }
        public double? SecondsToAccept { get; init; }
        public int CounterReferred { get; init; }
        public double? SecondsToCounterReferral { get; init; }
    }

    internal sealed class ServiceDayRow
    {
        public string Code { get; init; } = "";
        public int Held { get; init; }
        public int PeopleServed { get; init; }
    }

    internal sealed class ReadingRow
    {
        public string Code { get; init; } = "";
        public string Kind { get; init; } = "";
        public decimal? Value { get; init; }
        public string? Gaps { get; init; }
    }
}
