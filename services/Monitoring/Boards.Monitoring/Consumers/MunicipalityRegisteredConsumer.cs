using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the municipality registry from Membership's announcements (the registry of record): the newest registration
/// of a code wins, whatever order they arrive in. Status is not kept: no indicator uses it yet.
/// </summary>
public sealed class MunicipalityRegisteredConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : ReadModelConsumer<MunicipalityRegistered>(db, clock, changed)
{
    protected override string InboxName => "MunicipalityRegisteredConsumer";

    protected override async Task<string?> ApplyAsync(MunicipalityRegistered message, ConsumeContext<MunicipalityRegistered> context)
    {
        var registration = new MunicipalityRegistration(
            MunicipalityCodes.Normalize(message.Code),
            message.Name.Trim(),
            message.Department.Trim(),
            message.DepartmentNumber,
            message.OccurredAt.ToUniversalTime());
        if (registration.Code.Length == 0)
        {
            throw new InvalidOperationException("MunicipalityRegistered arrived without a code.");
        }

        var cancellationToken = context.CancellationToken;

        var municipality = await Db.LockMunicipalityAsync(registration.Code, cancellationToken);
        if (municipality is null)
        {
            if (await Db.TryInsertAsync(Municipality.Register(registration), cancellationToken))
            {
                return registration.Code;
            }

            municipality = await Db.LockMunicipalityAsync(registration.Code, cancellationToken)
                           ?? throw new InvalidOperationException($"Municipality {registration.Code} vanished after a concurrent insert.");
        }

        return municipality.Update(registration) ? registration.Code : null;
    }
}
