namespace Boards.Planning.Domain.Plans;

/// <summary>An objective of a plan, linked to prioritized needs of the same municipality. Removed in a draft, it is kept (RemovedAt).</summary>
public sealed class Objective
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PlanId { get; init; }
    public int Number { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public decimal Weight { get; set; } = 1m;
    public List<Guid> NeedIds { get; set; } = [];
    public long Version { get; set; } = 1;
    public DateTimeOffset? RemovedAt { get; set; }
}
