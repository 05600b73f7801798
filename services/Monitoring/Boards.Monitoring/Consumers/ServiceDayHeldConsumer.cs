using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.ServiceDays.Contracts.Events;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps one row per service day with its latest report. A redelivery is dropped by the inbox; a report whose
/// ReportVersion is not higher than the one held is ignored, whatever order they arrive in.
/// </summary>
public sealed class ServiceDayHeldConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : ReadModelConsumer<ServiceDayHeld>(db, clock, changed)
{
    protected override string InboxName => "ServiceDayHeldConsumer";

    protected override async Task<string?> ApplyAsync(ServiceDayHeld message, ConsumeContext<ServiceDayHeld> context)
    {
        var reading = ServiceDayMapping.ToReading(message);
        var cancellationToken = context.CancellationToken;

        var row = await Db.LockServiceDayAsync(reading.ServiceDayId, cancellationToken);
        if (row is null)
        {
            if (await Db.TryInsertAsync(ServiceDayReport.From(reading), cancellationToken))
            {
                return reading.Code;
            }

            row = await Db.LockServiceDayAsync(reading.ServiceDayId, cancellationToken)
                  ?? throw new InvalidOperationException($"Service day {reading.ServiceDayId} vanished after a concurrent insert.");
        }

        return row.Apply(reading) ? reading.Code : null;
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
