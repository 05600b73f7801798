namespace Boards.Planning.Domain.Versions;

/// <summary>An approved version of a plan: the session that approved it and the structure it approved (append-only).</summary>
public sealed class PlanVersion
{
    public required Guid PlanId { get; init; }
    public required int Version { get; init; }
    public required Guid SessionId { get; init; }
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
    public required string ApprovedBy { get; init; }
    public required PlanSnapshot Snapshot { get; init; }
}
