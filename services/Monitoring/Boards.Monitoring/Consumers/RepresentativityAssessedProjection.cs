using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the latest representativity per municipality and basis (roster, attendance). An assessment that is not newer
/// (AssessedAt) than the one held is ignored, whatever order they arrive in. Every assessment also joins the open data's
/// history of readings.
/// </summary>
public sealed class RepresentativityAssessedProjection : IReadModelProjection<RepresentativityAssessed>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, RepresentativityAssessed message, CancellationToken cancellationToken)
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

        await db.AppendReadingAsync(IndicatorReading.Of(reading), cancellationToken);
        var (row, inserted) = await db.LockOrInsertAsync(
            () => db.LockRepresentativityAsync(reading.Code, reading.Basis, cancellationToken),
            () => MunicipalityRepresentativity.From(reading),
            $"Representativity {reading.Basis} of {reading.Code}",
            cancellationToken);
        return inserted || row.Apply(reading) ? reading.Code : null;
    }
}
