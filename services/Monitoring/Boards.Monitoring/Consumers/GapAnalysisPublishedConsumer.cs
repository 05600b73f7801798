using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Needs.Contracts.Events;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the latest gap analysis per municipality. A redelivery is dropped by the inbox; an analysis that is not newer
/// (ComputedAt) than the one held is ignored, whatever order they arrive in.
/// </summary>
public sealed class GapAnalysisPublishedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : ReadModelConsumer<GapAnalysisPublished>(db, clock, changed)
{
    protected override string InboxName => "GapAnalysisPublishedConsumer";

    protected override async Task<string?> ApplyAsync(GapAnalysisPublished message, ConsumeContext<GapAnalysisPublished> context)
    {
        var reading = GapAnalysisMapping.ToReading(message);
        var cancellationToken = context.CancellationToken;

        var row = await Db.LockGapAnalysisAsync(reading.Code, cancellationToken);
        if (row is null)
        {
            if (await Db.TryInsertAsync(MunicipalityGapAnalysis.From(reading), cancellationToken))
            {
                return reading.Code;
            }

            row = await Db.LockGapAnalysisAsync(reading.Code, cancellationToken)
                  ?? throw new InvalidOperationException($"Gap analysis of {reading.Code} vanished after a concurrent insert.");
        }

        return row.Apply(reading) ? reading.Code : null;
    }
}

public static class GapAnalysisMapping
{
    /// <summary>Codes and triggers normalized, times in UTC. An analysis without a municipality breaks the contract and faults.</summary>
    public static GapAnalysisReading ToReading(GapAnalysisPublished message)
    {
        var code = MunicipalityCodes.Normalize(message.MunicipalityCode);
        if (code.Length == 0)
        {
            throw new InvalidOperationException($"GapAnalysisPublished {message.AnalysisId} arrived without a municipality code.");
        }

        return new GapAnalysisReading(
            code,
            message.AnalysisId,
            message.Trigger.Trim().ToLowerInvariant(),
            message.RoundId,
            string.IsNullOrWhiteSpace(message.Period) ? null : message.Period.Trim(),
            message.EvidenceSince.ToUniversalTime(),
            message.ComputedAt.ToUniversalTime(),
            (message.Categories ?? []).Select(c => new CategoryGapValue(
                c.Category,
                c.CategoryName,
                c.PeopleAffected,
                c.Demand,
                c.OfferCapacity,
                c.ServicesOffered,
                c.CoverageRatio,
                c.RejectedNoCapacity,
                c.RejectedNotOffered,
                c.CounterReferredNoCapacity,
                c.UnmetDemand)).ToList());
    }
}
