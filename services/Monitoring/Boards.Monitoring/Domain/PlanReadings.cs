namespace Boards.Monitoring.Domain;

/// <summary>A plan's figures after a change, as Planning rolled them up (progress 0–100).</summary>
public sealed record PlanFigures(decimal Progress, int ActionCount, int OverdueActions, int DoneActions);

/// <summary>Planning's PlanApproved: a plan, or an amendment of it (Version 2, 3, …), was approved.</summary>
public sealed record PlanApproval(
    string Code, Guid PlanId, int Year, int Version, decimal Progress, int ActionCount, DateTimeOffset ApprovedAt, DateTimeOffset OccurredAt);

/// <summary>Planning's PlanActionProgressed: one action's state after the change, and the plan's roll-up.</summary>
public sealed record PlanActionChange(
    string Code,
    Guid PlanId,
    int Year,
    Guid ActionId,
    long ActionVersion,
    string Status,
    decimal Progress,
    DateOnly EndsOn,
    bool Overdue,
    PlanFigures Plan,
    DateTimeOffset OccurredAt);

/// <summary>What the summaries show about the municipality's current plan (PAT).</summary>
public sealed record PlanSnapshot(
    int Year,
    int? Version,
    decimal Progress,
    int ActionCount,
    int OverdueActions,
    int DoneActions,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset UpdatedAt);
