namespace Boards.Planning.Features.Common;

/// <summary>Configuration section "Planning".</summary>
public sealed class PlanningOptions
{
    /// <summary>How often the overdue sweep looks for actions that have become overdue (Planning:OverdueSweepInterval).</summary>
    public TimeSpan OverdueSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
