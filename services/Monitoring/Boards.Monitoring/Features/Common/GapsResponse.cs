namespace Boards.Monitoring.Features.Common;

/// <summary>
/// The largest need-vs-offer gaps of the municipality's latest analysis from Needs: up to three categories with unmet
/// demand, largest first. Null in the summary until an analysis arrives.
/// </summary>
public sealed record GapsResponse(DateTimeOffset ComputedAt, string Trigger, string? Period, IReadOnlyList<CategoryGapResponse> Top)
{
    public static GapsResponse? From(GapsSnapshot? gaps) =>
        gaps is null ? null : new GapsResponse(gaps.ComputedAt, gaps.Trigger, gaps.Period, gaps.Top.Select(CategoryGapResponse.From).ToList());
}

public sealed record CategoryGapResponse(
    string Category,
    string CategoryName,
    int PeopleAffected,
    int Demand,
    int OfferCapacity,
    double? CoverageRatio,
    int UnmetDemand,
    int RejectedNoCapacity,
    int RejectedNotOffered,
    int CounterReferredNoCapacity)
{
    public static CategoryGapResponse From(CategoryGapValue gap) => new(
        gap.Category,
        gap.CategoryName,
        gap.PeopleAffected,
        gap.Demand,
        gap.OfferCapacity,
        gap.CoverageRatio,
        gap.UnmetDemand,
        gap.RejectedNoCapacity,
        gap.RejectedNotOffered,
        gap.CounterReferredNoCapacity);
}
