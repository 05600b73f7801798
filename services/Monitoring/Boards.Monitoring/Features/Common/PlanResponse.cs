namespace Boards.Monitoring.Features.Common;

/// <summary>
/// The municipality's current territorial action plan (PAT): its year, the approved version (null when only action
/// events arrived), progress 0–100 and the action counts. Null until a plan event arrives.
/// </summary>
public sealed record PlanResponse(
    int Year,
    int? Version,
    decimal Progress,
    int ActionCount,
    int OverdueActions,
    int DoneActions,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset UpdatedAt)
{
    public static PlanResponse? From(PlanSnapshot? plan) => plan is null
        ? null
        : new PlanResponse(plan.Year, plan.Version, plan.Progress, plan.ActionCount, plan.OverdueActions, plan.DoneActions, plan.ApprovedAt, plan.UpdatedAt);
}
