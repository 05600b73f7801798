using Boards.Planning.Contracts.Plans;

namespace Boards.Planning.Contracts.Events;

/// <summary>
/// An action of a plan changed status or progress, or fell overdue (Planning's overdue sweep). Carries the action's state
/// after the change and the plan's roll-up, so a consumer can show plan progress and overdue actions (Monitoring), or
/// tell the responsible institution that its action is overdue (Notifications), without reading the plan.
/// A consumer keeps the highest ActionVersion per ActionId.
/// </summary>
public sealed record PlanActionProgressed
{
    public required Guid PlanId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required int Year { get; init; }
    public required Guid ActionId { get; init; }
    public required long ActionVersion { get; init; }
    public required string Title { get; init; }
    /// <summary>not_started, in_progress, done, blocked or cancelled.</summary>
    public required string Status { get; init; }
    /// <summary>0–100.</summary>
    public required decimal Progress { get; init; }

    /// <summary>
    /// The code of the institution responsible for the action (data/reference/institutions.csv, e.g. "mds"). Empty in
    /// messages written before the field existed.
    /// </summary>
    public string ResponsibleInstitution { get; init; } = "";

    /// <summary>When the action starts; null in messages written before the field existed.</summary>
    public DateOnly? StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    /// <summary>Past its end date and neither done nor cancelled.</summary>
    public required bool Overdue { get; init; }
    /// <summary>The plan after the change: weighted progress 0–100 and how many actions are overdue.</summary>
    public required PlanRollup Plan { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
