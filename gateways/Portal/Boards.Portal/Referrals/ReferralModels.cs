namespace Boards.Portal.Referrals;

// The gateway's REST JSON (camelCase; enum values are the snake_case codes of DOMAIN.md, kept here as strings).

public sealed record ReferralPage(IReadOnlyList<ReferralView> Referrals, string? NextPageToken, int TotalCount);

public sealed record ReferralView
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public string Priority { get; init; } = "";
    public string MunicipalityCode { get; init; } = "";
    public string DestinationMunicipalityCode { get; init; } = "";
    public string OriginInstitution { get; init; } = "";
    public string DestinationInstitution { get; init; } = "";
    public string ServiceCode { get; init; } = "";
    public string NeedCategory { get; init; } = "";
    public string Reason { get; init; } = "";
    public PersonView Person { get; init; } = new();
    public ConsentView Consent { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset AcceptBy { get; init; }
    public DateTimeOffset? CounterReferBy { get; init; }
    public bool Overdue { get; init; }
    public bool DueSoon { get; init; }
    public RejectionView? Rejection { get; init; }
    public CancellationView? Cancellation { get; init; }
    public CounterReferralView? CounterReferral { get; init; }
    public IReadOnlyList<StatusChangeView> History { get; init; } = [];
    public long Version { get; init; }
    public Guid? PreviousReferralId { get; init; }
    public AvailabilityView? Availability { get; init; }

    /// <summary>"full", "masked" (the ministry without a stated reason: initials only) or "anonymised" (retention).</summary>
    public string PersonData { get; init; } = "full";

    public DateTimeOffset? AnonymisedAt { get; init; }

    public bool IsFinal => Status is "rejected" or "completed" or "failed" or "cancelled";

    /// <summary>The deadline that runs now: to accept while requested, then to counter-refer.</summary>
    public DateTimeOffset? CurrentDeadline => Status switch
    {
        "requested" => AcceptBy,
        "accepted" or "in_progress" or "on_hold" => CounterReferBy,
        _ => null,
    };
}

public sealed record PersonView
{
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    public string GivenNames { get; init; } = "";
    public string FamilyNames { get; init; } = "";
    public string? BirthDate { get; init; }
    public string? Sex { get; init; }
    public string? Phone { get; init; }
    public string? Locality { get; init; }
}

public sealed record ConsentView
{
    public bool Given { get; init; }
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    public string? OverrideJustification { get; init; }
}

public sealed record RejectionView(string Reason, string? Note, string Actor, DateTimeOffset At);

public sealed record CancellationView(string Reason, string? Note, string Actor, DateTimeOffset At);

public sealed record CounterReferralView
{
    public bool Attended { get; init; }
    public string? AttendedOn { get; init; }
    public IReadOnlyList<string> ServicesDelivered { get; init; } = [];
    public string? Outcome { get; init; }
    public string? Notes { get; init; }
    public bool FollowUpRecommended { get; init; }
    public string? FollowUpNote { get; init; }
}

public sealed record StatusChangeView(string? From, string To, string Actor, DateTimeOffset At, string? Note);

public sealed record AvailabilityView
{
    public string Verification { get; init; } = "";
    public string? CapacityStatus { get; init; }
    public string? WaitlistBand { get; init; }
    public bool Waitlisted { get; init; }
    public string Message { get; init; } = "";
    public DateTimeOffset CheckedAt { get; init; }
}

/// <summary>Body of POST /api/referrals (CreateReferralCommand in the referrals service).</summary>
public sealed record CreateReferralRequest
{
    public string? RequestId { get; init; }
    public string? MunicipalityCode { get; init; }
    public string? DestinationMunicipalityCode { get; init; }
    public string? OriginInstitution { get; init; }
    public string? DestinationInstitution { get; init; }
    public string? ServiceCode { get; init; }
    public string? NeedCategory { get; init; }
    public string? Priority { get; init; }
    public string? Reason { get; init; }
    public PersonInput? Person { get; init; }
    public ConsentInput? Consent { get; init; }
}

public sealed record PersonInput
{
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    public string? GivenNames { get; init; }
    public string? FamilyNames { get; init; }
    public string? BirthDate { get; init; }
    public string? Sex { get; init; }
    public string? Phone { get; init; }
    public string? Locality { get; init; }
}

public sealed record ConsentInput
{
    public bool Given { get; init; }
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    public string? OverrideJustification { get; init; }
}
