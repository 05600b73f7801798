using System.Text.Json;
using Boards.Monitoring.Data.Configurations;
using Boards.Monitoring.Domain.OpenData;
using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Data;

/// <summary>Appends to the open data's history of readings, inside the consumer's transaction.</summary>
internal static class IndicatorReadingWrites
{
    // One statement, no savepoint: a reading seen before (a redelivery, a republished event) is simply not added again.
    private const string InsertSql = """
        INSERT INTO indicator_readings (code, kind, source_id, taken_at, year, value, gaps)
        VALUES (@code, @kind, @source, @taken, @year, @value, @gaps)
        ON CONFLICT (code, kind, source_id, taken_at) DO NOTHING
        """;

    public static Task AppendReadingAsync(this MonitoringDbContext db, IndicatorReading reading, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            InsertSql,
            [
                new NpgsqlParameter("code", NpgsqlDbType.Varchar) { Value = reading.Code },
                new NpgsqlParameter("kind", NpgsqlDbType.Varchar) { Value = reading.Kind },
                new NpgsqlParameter("source", NpgsqlDbType.Uuid) { Value = reading.SourceId },
                new NpgsqlParameter("taken", NpgsqlDbType.TimestampTz) { Value = reading.TakenAt.UtcDateTime },
                new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = (object?)reading.Year ?? DBNull.Value },
                new NpgsqlParameter("value", NpgsqlDbType.Numeric) { Value = (object?)reading.Value ?? DBNull.Value },
                new NpgsqlParameter("gaps", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(reading.Gaps, IndicatorReadingConfiguration.Json) },
            ],
            cancellationToken);
}
