using Boards.ServiceDays.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps one row per service day with its latest report. A report whose ReportVersion is not higher than the one held
/// is ignored, whatever order they arrive in.
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
        return inserted || row.Apply(reading) ? reading.Code : null;
    }
}

public static class ServiceDayMapping
{
    /// <summary>Code normalized, time in UTC. A report without a municipality breaks the contract and faults.</summary>
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
            message.ReportedAt.ToUniversalTime());
    }
}
