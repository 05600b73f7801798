using Boards.Planning.Features.GetPlan;

namespace Boards.Planning.Features.ListActions;

/// <param name="PlanId">The plan's id as the caller sent it (a UUID).</param>
/// <param name="Status">An action status code, or empty for all.</param>
public sealed record ListActionsQuery(string PlanId, string Status, bool OverdueOnly);

/// <summary>A plan's current actions by number, optionally only the overdue ones or those of one status (gRPC ListActions).</summary>
public sealed class ListActionsHandler(GetPlanHandler plans)
{
    public async Task<IReadOnlyList<ActionView>> HandleAsync(ListActionsQuery query, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var planId = Guid.TryParse(query.PlanId, out var id) ? id : Guid.Empty;
        if (planId == Guid.Empty)
        {
            errors.Add("planId", "Indique el id del plan (un UUID).");
        }

        var status = query.Status.Trim();
        if (status.Length > 0 && !ActionStatuses.ByCode.ContainsKey(status))
        {
            errors.Add("status", "El estado es not_started, in_progress, done, blocked o cancelled (o vacío para todos).");
        }

        errors.ThrowIfAny();
        var plan = await plans.HandleAsync(planId, caller, ct);
        return plan.Objectives.SelectMany(o => o.Actions)
            .Where(a => (!query.OverdueOnly || a.Overdue) && (status.Length == 0 || a.Status == status))
            .OrderBy(a => a.Number)
            .ToList();
    }
}
