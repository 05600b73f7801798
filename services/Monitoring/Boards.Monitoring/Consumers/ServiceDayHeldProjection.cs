using Boards.ServiceDays.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps one row per service day with its latest report, and one row per institution of that report. A report whose
/// ReportVersion is not higher than the one held is ignored, whatever order they arrive in.
/// </summary>
public sealed class ServiceDayHeldProjection : IReadModelProjection<ServiceDayHeld>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, ServiceDayHeld message, CancellationToken cancellationToken)
    {
        var reading = ServiceDayMapping.ToReading(message);
        var (row, inserted) = await db.LockOrInsertAsync(
            () => db.LockServiceDayAsync(reading.ServiceDayId, cancellationToken),
            () => ServiceDayReport.From(reading),
            $"Service day {reading.ServiceDayId}",
            cancellationToken);
        if (!inserted && !row.Apply(reading))
        {
            return null;
        }

        await db.ReplaceServiceDayInstitutionsAsync(reading, cancellationToken);
        return reading.Code;
    }
}

public static class ServiceDayMapping
{
    /// <summary>
    /// Code normalized, time in UTC, services added up per institution (codes trimmed, lower case). A report without a
    /// municipality, or a service without an institution, breaks the contract and faults.
    /// </summary>
    public static ServiceDayReading ToReading(ServiceDayHeld message)
    {
        var code = MunicipalityCodes.Normalize(message.MunicipalityCode);
        if (code.Length == 0)
        {
            throw new InvalidOperationException($"ServiceDayHeld {message.ServiceDayId} arrived without a municipality code.");
        }

        return new ServiceDayReading(
            message.ServiceDayId,
            code,
            message.Date,
            message.PeopleServed,
            message.ReferralsMade,
            message.ReportVersion,
            message.ReportedAt.ToUniversalTime())
        {
            Institutions = Institutions(message),
        };
    }

    private static List<InstitutionDelivery> Institutions(ServiceDayHeld message)
    {
        var services = message.ServicesDelivered ?? [];
        if (services.Any(s => string.IsNullOrWhiteSpace(s.InstitutionCode)))
        {
            throw new InvalidOperationException($"ServiceDayHeld {message.ServiceDayId} lists a service without an institution.");
        }

        return services
            .GroupBy(s => s.InstitutionCode.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => new InstitutionDelivery(
                g.Key, g.Sum(s => s.Attentions), g.Select(s => s.ServiceCode.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count()))
            .OrderBy(i => i.InstitutionCode, StringComparer.Ordinal)
            .ToList();
    }
}
