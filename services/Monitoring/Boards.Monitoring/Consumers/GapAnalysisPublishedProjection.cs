using Boards.Monitoring.Domain.OpenData;
using Boards.Needs.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the latest gap analysis per municipality. An analysis that is not newer (ComputedAt) than the one held is
/// ignored, whatever order they arrive in. Every analysis also joins the open data's history of readings.
/// </summary>
public sealed class GapAnalysisPublishedProjection : IReadModelProjection<GapAnalysisPublished>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, GapAnalysisPublished message, CancellationToken cancellationToken)
    {
        var reading = GapAnalysisMapping.ToReading(message);
        await db.AppendReadingAsync(IndicatorReading.Of(reading), cancellationToken);
        var (row, inserted) = await db.LockOrInsertAsync(
            () => db.LockGapAnalysisAsync(reading.Code, cancellationToken),
            () => MunicipalityGapAnalysis.From(reading),
            $"Gap analysis of {reading.Code}",
            cancellationToken);
        return inserted || row.Apply(reading) ? reading.Code : null;
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
