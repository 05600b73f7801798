namespace Boards.Needs.Contracts.Gaps;

/// <summary>One need category of a <see cref="Events.GapAnalysisPublished"/>.</summary>
public sealed record CategoryGap
{
    public required string Category { get; init; }
    /// <summary>The category's Spanish name, e.g. "Seguridad alimentaria".</summary>
    public required string CategoryName { get; init; }
    /// <summary>Sum of people affected over the round's needs of the category.</summary>
    public required int PeopleAffected { get; init; }
    /// <summary>Sum of people affected × severity.</summary>
    public required int Demand { get; init; }
    /// <summary>Monthly places of the services covering the category that are not full.</summary>
    public required int OfferCapacity { get; init; }
    public required int ServicesOffered { get; init; }
    /// <summary>min(1, OfferCapacity / PeopleAffected); null when no people are affected and nobody was turned away.</summary>
    public double? CoverageRatio { get; init; }
    /// <summary>Referrals rejected for no_capacity in the evidence window.</summary>
    public required int RejectedNoCapacity { get; init; }
    /// <summary>Referrals rejected for service_not_offered in the evidence window.</summary>
    public required int RejectedNotOffered { get; init; }
    /// <summary>Counter-referrals with outcome no_capacity in the evidence window.</summary>
    public required int CounterReferredNoCapacity { get; init; }
    /// <summary>Demand × (1 − coverage) + people turned away × the category's mean severity (3 without needs), rounded.</summary>
    public required int UnmetDemand { get; init; }
}
