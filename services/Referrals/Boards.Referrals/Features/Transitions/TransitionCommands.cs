using Boards.BuildingBlocks.Api.Limits;

namespace Boards.Referrals.Features.Transitions;

/// <summary>Body of accept, start, hold and resume. ExpectedVersion 0 means "don't check".</summary>
public sealed record NoteCommand(
    [property: Between(0, long.MaxValue)] long ExpectedVersion = 0,
    [property: MaxText(ReferralLimits.Note)] string? Note = null);

public sealed record RejectCommand(
    RejectionReason? Reason,
    [property: MaxText(ReferralLimits.Note)] string? Note = null,
    [property: Between(0, long.MaxValue)] long ExpectedVersion = 0);

public sealed record CancelCommand(
    CancellationReason? Reason,
    [property: MaxText(ReferralLimits.Note)] string? Note = null,
    [property: Between(0, long.MaxValue)] long ExpectedVersion = 0);

public sealed record CounterReferCommand(CounterReferralInput? CounterReferral, [property: Between(0, long.MaxValue)] long ExpectedVersion = 0);

public sealed record CounterReferralInput
{
    public bool Attended { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(ReferralLimits.Date)]
    public string? AttendedOn { get; init; }
    [MaxItems(ReferralLimits.ServicesDelivered), EachMaxText(ReferralLimits.Code)]
    public IReadOnlyList<string>? ServicesDelivered { get; init; }
    public Outcome? Outcome { get; init; }
    [MaxText(ReferralLimits.CounterReferralNotes)]
    public string? Notes { get; init; }
    public bool FollowUpRecommended { get; init; }
    [MaxText(ReferralLimits.Note)]
    public string? FollowUpNote { get; init; }
    [MaxText(ReferralLimits.Actor)]
    public string? AnsweredBy { get; init; }
}

/// <summary>Which side of the loop may perform a transition.</summary>
public enum Side
{
    Origin,
    Destination,
    Either,
}
