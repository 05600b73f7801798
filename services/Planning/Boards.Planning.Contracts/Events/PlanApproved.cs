namespace Boards.Planning.Contracts.Events;

/// <summary>
/// A board approved its territorial action plan (PAT) for a year, or an amendment to it (Version 2, 3, …), by a decision
/// recorded in a session. The approved version is locked. A consumer keeps the highest Version per PlanId.
/// </summary>
public sealed record PlanApproved
{
    public required Guid PlanId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required int Year { get; init; }
    /// <summary>1 for the plan as first approved; each approved amendment adds one.</summary>
    public required int Version { get; init; }
    /// <summary>The Membership session whose decision approved it.</summary>
    public required Guid SessionId { get; init; }
    /// <summary>The plan's weighted progress, 0–100, at approval.</summary>
    public required decimal Progress { get; init; }
    public required int ObjectiveCount { get; init; }
    public required int ActionCount { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
