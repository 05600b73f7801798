namespace Boards.Planning.Features.Approval;

/// <summary>The board's decision: the Membership session (with quorum) that approved the plan text of revision expectedRevision.</summary>
public sealed record ApproveCommand
{
    public Guid? SessionId { get; init; }
    public long? ExpectedRevision { get; init; }
}

public sealed record AmendCommand
{
    public long? ExpectedRevision { get; init; }
}

public sealed record PlanVersionView(int Version, string Status, Guid? SessionId, DateOnly? SessionDate, DateTimeOffset? ApprovedAt, string? ApprovedBy);
