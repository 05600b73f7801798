namespace Boards.Planning.Domain.Plans;

/// <summary>The structure of an objective, already checked field by field (Features/Common/PlanValidator).</summary>
public sealed record ObjectiveDefinition(string Title, string? Description, decimal Weight, List<Guid> NeedIds);

/// <summary>The structure of an action, already checked field by field (Features/Common/PlanValidator).</summary>
public sealed record ActionDefinition(
    Guid ObjectiveId, string Title, Horizon Horizon, string Institution, DateOnly StartsOn, DateOnly EndsOn, long Budget, decimal Weight, List<Indicator> Indicators);

/// <summary>An indicator's current value, named as the action names it.</summary>
public sealed record IndicatorValue(string Name, decimal? CurrentValue);

/// <summary>Execution tracking: a status, optionally a progress other than the status's default (with a reason), indicators' current values.</summary>
public sealed record ProgressReport(ActionStatus Status, decimal? Progress, string? Reason, IReadOnlyList<IndicatorValue> Indicators);
