using Boards.Needs.Contracts.Events;
using Boards.Needs.Contracts.Gaps;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>GapAnalysisPublished as Needs' outbox relay publishes it.</summary>
public static class GapEvents
{
    public static GapAnalysisPublished Analysis(string code, DateTimeOffset computedAt, params CategoryGap[] categories) => new()
    {
        AnalysisId = Guid.CreateVersion7(),
        MunicipalityCode = code,
        Trigger = "round_closed",
        RoundId = Guid.CreateVersion7(),
        Period = "2026-S2",
        EvidenceSince = computedAt.AddDays(-90),
        Categories = categories,
        ComputedAt = computedAt,
        OccurredAt = computedAt,
    };

    /// <summary>A category whose figures follow from the unmet demand, so each one is easy to tell apart.</summary>
    public static CategoryGap Category(string category, string name, int unmetDemand, double? coverageRatio = 0.25) => new()
    {
        Category = category,
        CategoryName = name,
        PeopleAffected = unmetDemand + 10,
        Demand = unmetDemand + 20,
        OfferCapacity = unmetDemand + 1,
        ServicesOffered = 2,
        CoverageRatio = coverageRatio,
        RejectedNoCapacity = unmetDemand % 7,
        RejectedNotOffered = unmetDemand % 5,
        CounterReferredNoCapacity = unmetDemand % 3,
        UnmetDemand = unmetDemand,
    };
}
