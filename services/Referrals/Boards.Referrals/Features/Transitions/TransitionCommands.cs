using Boards.Referrals.Domain;

namespace Boards.Referrals.Features.Transitions;

/// <summary>Body of accept, start, hold and resume. ExpectedVersion 0 means "don't check".</summary>
public sealed record NoteCommand(long ExpectedVersion = 0, string? Note = null);

public sealed record RejectCommand(RejectionReason? Reason, string? Note = null, long ExpectedVersion = 0);

public sealed record CancelCommand(CancellationReason? Reason, string? Note = null, long ExpectedVersion = 0);

public sealed record CounterReferCommand(CounterReferralInput? CounterReferral, long ExpectedVersion = 0);

public sealed record CounterReferralInput
{
    public bool Attended { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    public string? AttendedOn { get; init; }
    public IReadOnlyList<string>? ServicesDelivered { get; init; }
    public Outcome? Outcome { get; init; }
    public string? Notes { get; init; }
    public bool FollowUpRecommended { get; init; }
    public string? FollowUpNote { get; init; }
    public string? AnsweredBy { get; init; }
}

/// <summary>Which side of the loop may perform a transition.</summary>
public enum Side
{
    Origin,
    Destination,
    Either,
}
