namespace Boards.Referrals.Domain;

/// <summary>The person referred. Personal data: it never leaves this service; other services see <see cref="PersonKey"/>.</summary>
public sealed record Person
{
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    public required string GivenNames { get; init; }
    public required string FamilyNames { get; init; }
    public DateOnly BirthDate { get; init; }
    public Sex Sex { get; init; }
    public string? Phone { get; init; }
    public string? Locality { get; init; }
}

public sealed record Consent
{
    public bool Given { get; init; }
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    public string? OverrideJustification { get; init; }
}

public sealed record Rejection(RejectionReason Reason, string? Note, string Actor, DateTimeOffset At);

public sealed record Cancellation(CancellationReason Reason, string Note, string Actor, DateTimeOffset At);

public sealed record CounterReferral
{
    public bool Attended { get; init; }
    public DateOnly? AttendedOn { get; init; }
    public List<string> ServicesDelivered { get; init; } = [];
    public Outcome Outcome { get; init; }
    public string? Notes { get; init; }
    public bool FollowUpRecommended { get; init; }
    public string? FollowUpNote { get; init; }
    public required string AnsweredBy { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The loop closes as completed only when the person attended and got (some) help.</summary>
    public ReferralStatus ResultingStatus =>
        Attended && Outcome is Outcome.GotHelp or Outcome.PartiallyHelped ? ReferralStatus.Completed : ReferralStatus.Failed;
}

/// <summary>One line of the append-only history: who moved the referral, from where to where, when and why.</summary>
public sealed class StatusChange
{
    public long Id { get; private set; }
    public ReferralStatus? From { get; init; }
    public ReferralStatus To { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Note { get; init; }
}
