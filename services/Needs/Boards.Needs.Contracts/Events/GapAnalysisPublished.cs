namespace Boards.Needs.Contracts.Events;

/// <summary>
/// The gap between needs and offer in one municipality, per need category, as computed at ComputedAt. Published when a
/// round closes (Trigger "round_closed") and on demand (Trigger "on_demand"). Each analysis replaces the previous one
/// of the municipality: a consumer keeps the one with the latest ComputedAt. The formulas are in docs/needs.md.
/// </summary>
public sealed record GapAnalysisPublished
{
    public required Guid AnalysisId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>round_closed or on_demand.</summary>
    public required string Trigger { get; init; }
    /// <summary>The round whose needs are the demand; null when the municipality has no round yet.</summary>
    public Guid? RoundId { get; init; }
    public string? Period { get; init; }
    /// <summary>Referral evidence counted from this instant on (ComputedAt minus the evidence window).</summary>
    public required DateTimeOffset EvidenceSince { get; init; }
    /// <summary>Every category with demand, offer or evidence; largest UnmetDemand first.</summary>
    public required IReadOnlyList<CategoryGap> Categories { get; init; }
    public required DateTimeOffset ComputedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

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
