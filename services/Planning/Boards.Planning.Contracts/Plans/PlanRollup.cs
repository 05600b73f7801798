namespace Boards.Planning.Contracts.Plans;

/// <summary>A plan's figures as of an event: what Monitoring shows per municipality.</summary>
public sealed record PlanRollup
{
    /// <summary>Weighted mean of the objectives' progress (cancelled actions excluded), 0–100.</summary>
    public required decimal Progress { get; init; }
    public required int ActionCount { get; init; }
    public required int OverdueActions { get; init; }
    public required int DoneActions { get; init; }
}
