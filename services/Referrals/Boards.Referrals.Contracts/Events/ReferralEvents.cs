namespace Boards.Referrals.Contracts.Events;

public sealed record ReferralRequested : ReferralEvent
{
    public Guid? PreviousReferralId { get; init; }
    public required DateTimeOffset AcceptBy { get; init; }
    public required bool ConsentOverridden { get; init; }

    /// <summary>Whether the offer catalog confirmed the service; null from publishers that did not check (older versions).</summary>
    public bool? AvailabilityVerified { get; init; }

    /// <summary>Sent to a service with a waitlist or without places this month; null when unknown.</summary>
    public bool? Waitlisted { get; init; }

    /// <summary>available, waitlist or full, as the catalog said; null when not verified.</summary>
    public string? CapacityStatus { get; init; }
}

public sealed record ReferralAccepted : ReferralEvent
{
    public required DateTimeOffset CounterReferBy { get; init; }
}

public sealed record ReferralRejected : ReferralEvent
{
    /// <summary>no_capacity, not_eligible, service_not_offered, incomplete_information, duplicate, referred_elsewhere, other.</summary>
    public required string Reason { get; init; }
}

public sealed record ReferralStarted : ReferralEvent;

public sealed record ReferralPutOnHold : ReferralEvent;

public sealed record ReferralResumed : ReferralEvent;

/// <summary>The counter-referral closed the loop; Status is completed or failed.</summary>
public sealed record ReferralCounterReferred : ReferralEvent
{
    public required bool Attended { get; init; }
    /// <summary>got_help, partially_helped, could_not_contact, not_eligible, no_capacity, declined_by_person, referred_elsewhere.</summary>
    public required string Outcome { get; init; }
    public required IReadOnlyList<string> ServicesDelivered { get; init; }
    public required bool FollowUpRecommended { get; init; }
}

public sealed record ReferralCancelled : ReferralEvent
{
    public required string Reason { get; init; }
}

/// <summary>Raised once per deadline missed: Deadline is "accept" or "counter_referral".</summary>
public sealed record ReferralOverdue : ReferralEvent
{
    public required string Deadline { get; init; }
    public required DateTimeOffset DueAt { get; init; }
}
