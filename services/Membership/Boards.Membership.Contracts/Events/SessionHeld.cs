namespace Boards.Membership.Contracts.Events;

/// <summary>
/// A board session was recorded (or its attendance corrected while its minutes were still a draft: consumers keep the
/// newest per <see cref="SessionId"/> by <see cref="SessionVersion"/>). Counts only, never who attended.
/// </summary>
public sealed record SessionHeld
{
    public required string MunicipalityCode { get; init; }
    public required Guid BoardId { get; init; }
    public required Guid SessionId { get; init; }
    public required long SessionVersion { get; init; }
    public required DateOnly Date { get; init; }
    public required bool QuorumReached { get; init; }
    /// <summary>Everyone present (voting or not).</summary>
    public required int AttendeesCount { get; init; }
    /// <summary>Voting members active on the session date (the quorum's base).</summary>
    public required int VotingMembersCount { get; init; }
    public required int VotingPresentCount { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
