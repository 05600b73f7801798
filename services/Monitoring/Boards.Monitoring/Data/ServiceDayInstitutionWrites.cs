using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Data;

/// <summary>
/// Replaces a service day's institution rows with those of the report just applied, in one round trip run at once in
/// the consumer's transaction (the day's report row is locked, so two reports of one day cannot interleave here).
/// </summary>
internal static class ServiceDayInstitutionWrites
{
    // Two statements, not a DELETE in a WITH: PostgreSQL runs an unreferenced data-modifying WITH after the main
    // statement, so the new rows would meet the old ones' keys.
    private const string ReplaceSql = """
        DELETE FROM service_day_institutions WHERE service_day_id = @day;
        INSERT INTO service_day_institutions (service_day_id, institution_code, municipality_code, date, attentions, services)
        SELECT @day, i.institution, @code, @date, i.attentions, i.services
        FROM unnest(@institutions, @attentions, @services) AS i(institution, attentions, services)
        """;

    public static Task ReplaceServiceDayInstitutionsAsync(this MonitoringDbContext db, ServiceDayReading reading, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            ReplaceSql,
            [
                new NpgsqlParameter<Guid>("day", reading.ServiceDayId),
                new NpgsqlParameter<string>("code", reading.Code),
                new NpgsqlParameter<DateOnly>("date", reading.Date),
                new NpgsqlParameter("institutions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = reading.Institutions.Select(i => i.InstitutionCode).ToArray() },
                new NpgsqlParameter("attentions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = reading.Institutions.Select(i => i.Attentions).ToArray() },
                new NpgsqlParameter("services", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = reading.Institutions.Select(i => i.Services).ToArray() },
            ],
            cancellationToken);
}
