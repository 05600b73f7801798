using Npgsql;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>One municipality's referral figures, as stored in municipality_referral_totals or computed from every fact.</summary>
public sealed record MunicipalityFigures(
    string Code,
    long Sent,
    long Open,
    long Accepted,
    long Rejected,
    long Completed,
    long Failed,
    long Cancelled,
    long Overdue,
    double? MedianSecondsToAccept,
    double? MedianSecondsToCounterReferral);

/// <summary>One municipality's referral counts of one creation month (Paraguay), kept or computed from every fact.</summary>
public sealed record MonthFigures(
    string Code, DateOnly Month, long Sent, long Open, long Accepted, long Rejected, long Completed, long Failed, long Cancelled, long Overdue,
    long CounterReferred);

/// <summary>
/// The reference the kept totals are checked against: the national table's query as it was before the totals (one
/// grouped pass over referral_facts, counts with FILTER, medians with percentile_cont), copied here unchanged, and the
/// totals table read the same way.
/// </summary>
public static class FullComputation
{
    private const string FromFactsSql = """
        SELECT f.municipality_code AS code,
               count(*) AS sent,
               count(*) FILTER (WHERE f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')) AS open,
               count(*) FILTER (WHERE f.accepted_at IS NOT NULL) AS accepted,
               count(*) FILTER (WHERE f.status = 'rejected') AS rejected,
               count(*) FILTER (WHERE f.status = 'completed') AS completed,
               count(*) FILTER (WHERE f.status = 'failed') AS failed,
               count(*) FILTER (WHERE f.status = 'cancelled') AS cancelled,
               count(*) FILTER (WHERE f.overdue AND f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')) AS overdue,
               percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM f.accepted_at - f.created_at)::double precision) AS median_seconds_to_accept,
               percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM f.counter_referred_at - f.created_at)::double precision) AS median_seconds_to_counter_referral
        FROM referral_facts f
        WHERE f.municipality_code = ANY(@codes)
        GROUP BY f.municipality_code
        ORDER BY f.municipality_code
        """;

    private const string KeptSql = """
        SELECT code, sent, open, accepted, rejected, completed, failed, cancelled, overdue,
               median_seconds_to_accept, median_seconds_to_counter_referral
        FROM municipality_referral_totals
        WHERE code = ANY(@codes)
        ORDER BY code
        """;

    // The month a referral counts in: its creation time's month in Paraguay, as PostgreSQL's time zone data has it.
    private const string MonthsFromFactsSql = """
        SELECT f.municipality_code,
               date_trunc('month', f.created_at AT TIME ZONE 'America/Asuncion')::date,
               count(*),
               count(*) FILTER (WHERE f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
               count(*) FILTER (WHERE f.accepted_at IS NOT NULL),
               count(*) FILTER (WHERE f.status = 'rejected'),
               count(*) FILTER (WHERE f.status = 'completed'),
               count(*) FILTER (WHERE f.status = 'failed'),
               count(*) FILTER (WHERE f.status = 'cancelled'),
               count(*) FILTER (WHERE f.overdue AND f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
               count(*) FILTER (WHERE f.counter_referred_at IS NOT NULL)
        FROM referral_facts f
        WHERE f.municipality_code = ANY(@codes)
        GROUP BY 1, 2
        ORDER BY 1, 2
        """;

    private const string MonthsKeptSql = """
        SELECT code, month, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred
        FROM municipality_month_totals
        WHERE code = ANY(@codes)
        ORDER BY code, month
        """;

    public static Task<List<MonthFigures>> MonthsFromFactsAsync(string connectionString, params string[] codes) =>
        ReadMonthsAsync(connectionString, MonthsFromFactsSql, codes);

    public static Task<List<MonthFigures>> MonthsKeptAsync(string connectionString, params string[] codes) =>
        ReadMonthsAsync(connectionString, MonthsKeptSql, codes);

    private static async Task<List<MonthFigures>> ReadMonthsAsync(string connectionString, string sql, string[] codes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("codes", codes);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MonthFigures>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MonthFigures(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9),
                reader.GetInt64(10)));
        }

        return rows;
    }

    public static Task<List<MunicipalityFigures>> FromFactsAsync(string connectionString, params string[] codes) =>
        ReadAsync(connectionString, FromFactsSql, codes);

    public static Task<List<MunicipalityFigures>> KeptAsync(string connectionString, params string[] codes) =>
        ReadAsync(connectionString, KeptSql, codes);

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<MunicipalityFigures>> ReadAsync(string connectionString, string sql, string[] codes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("codes", codes);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MunicipalityFigures>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MunicipalityFigures(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.GetInt64(7),
                reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9),
                reader.IsDBNull(10) ? null : reader.GetDouble(10)));
        }

        return rows;
    }
}
