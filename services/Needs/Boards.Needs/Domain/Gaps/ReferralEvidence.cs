namespace Boards.Needs.Domain.Gaps;

/// <summary>
/// A referral the offer could not take, as the referrals service announced it: rejected for no_capacity or
/// service_not_offered, or counter-referred with outcome no_capacity. One row per (ReferralId, Kind). No personal data.
/// </summary>
public sealed class ReferralEvidence
{
    public const string RejectedNoCapacity = "rejected_no_capacity";
    public const string RejectedNotOffered = "rejected_not_offered";
    public const string CounterReferredNoCapacity = "counter_referred_no_capacity";
    /// <summary>The category of evidence whose referral named no known category and whose service has none either.</summary>
    public const string Unclassified = "unclassified";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReferralId { get; init; }
    /// <summary>rejected_no_capacity, rejected_not_offered or counter_referred_no_capacity.</summary>
    public required string Kind { get; init; }
    /// <summary>The board's municipality (where the person was referred from): the gap is counted there.</summary>
    public required string MunicipalityCode { get; init; }
    public required string DestinationMunicipalityCode { get; init; }
    public required string ServiceCode { get; init; }
    /// <summary>The need category the referral named, as sent.</summary>
    public required string NeedCategory { get; init; }
    /// <summary>The categories it counts in: the named one when it is a known category, else those of the service.</summary>
    public List<string> Categories { get; init; } = [];
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
