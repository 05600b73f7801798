using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the latest representativity per municipality and basis (roster, attendance). A redelivery is dropped by the inbox; an assessment that is not
/// newer (AssessedAt) than the one held is ignored, whatever order they arrive in.
/// </summary>
public sealed class RepresentativityAssessedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : ReadModelConsumer<RepresentativityAssessed>(db, clock, changed)
{
    protected override string InboxName => "RepresentativityAssessedConsumer";

    protected override async Task<string?> ApplyAsync(RepresentativityAssessed message, ConsumeContext<RepresentativityAssessed> context)
    {
        var reading = new RepresentativityReading(
            MunicipalityCodes.Normalize(message.MunicipalityCode),
            RepresentativityBasis.Normalize(message.Basis)
                ?? throw new InvalidOperationException($"RepresentativityAssessed arrived with an unknown basis '{message.Basis}'."),
            message.AssessmentId,
            message.BoardId,
            message.Score,
            message.PolicyVersion,
            message.Gaps ?? [],
            message.AssessedAt.ToUniversalTime());
        if (reading.Code.Length == 0)
        {
            throw new InvalidOperationException("RepresentativityAssessed arrived without a municipality code.");
        }

        var cancellationToken = context.CancellationToken;
        var row = await Db.LockRepresentativityAsync(reading.Code, reading.Basis, cancellationToken);
        if (row is null)
        {
            if (await Db.TryInsertAsync(MunicipalityRepresentativity.From(reading), cancellationToken))
            {
                return reading.Code;
            }

            row = await Db.LockRepresentativityAsync(reading.Code, reading.Basis, cancellationToken)
                  ?? throw new InvalidOperationException($"Representativity {reading.Basis} of {reading.Code} vanished after a concurrent insert.");
        }

        return row.Apply(reading) ? reading.Code : null;
    }
}
