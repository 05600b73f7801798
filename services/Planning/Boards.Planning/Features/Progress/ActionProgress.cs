using Boards.Planning.Domain;
using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.Planning.Contracts.Events;
using Boards.Planning.Domain.Plans;
using Boards.Planning.Features.Common;
using Boards.Planning.Features.Plans;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Planning.Features.Progress;

/// <summary>
/// Execution tracking: status, progress (the status's default, or an override with a reason) and indicators' current
/// values. Allowed on a draft and on an approved plan alike (no amendment needed); writes PlanActionProgressed with the
/// plan's roll-up after the change, in the same SaveChanges.
/// </summary>
public sealed class ActionProgress(PlanStore store, TimeProvider clock)
{
    public async Task<(Plan Plan, PlanAction Action)> ReportAsync(Guid planId, Guid actionId, ProgressCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.LoadAsync(planId, tracking: true, ct);
        PlanAccess.EnsureCanEdit(caller, plan.MunicipalityCode);
        var action = plan.CurrentActions.FirstOrDefault(a => a.Id == actionId)
                     ?? throw new NotFoundException($"La acción '{actionId}' no es de este plan.");

        var errors = new FieldErrors();
        PlanStore.RequireVersion(errors, command.ExpectedVersion, "la acción");
        ActionStatus? status = command.Status is { } code && ActionStatuses.ByCode.TryGetValue(code.Trim(), out var parsed) ? parsed : null;
        if (status is null)
        {
            errors.Add("status", "Indique el estado: not_started, in_progress, done, blocked o cancelled.");
        }
        else
        {
            foreach (var (field, message) in ProgressRules.Validate(status.Value, command.Progress, command.Reason))
            {
                errors.Add(field, message);
            }
        }

        if (command.Reason?.Trim().Length > PlanningLimits.Reason)
        {
            errors.Add("reason", $"El motivo tiene hasta {PlanningLimits.Reason} caracteres.");
        }

        var values = command.Indicators ?? [];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Name is not { } name || !action.Indicators.Any(x => string.Equals(x.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"indicators[{i}].name", $"La acción no tiene el indicador '{values[i].Name}'.");
            }

            if (values[i].CurrentValue is null)
            {
                errors.Add($"indicators[{i}].currentValue", "Indique el valor actual del indicador.");
            }
        }

        errors.ThrowIfAny();
        PlanStore.EnsureVersion(command.ExpectedVersion!.Value, action.Version, "la acción");

        var decision = ProgressRules.Decide(status!.Value, action.Progress, command.Progress, command.Reason);
        action.Status = status.Value;
        action.Progress = decision.Progress;
        action.ProgressOverridden = decision.Overridden;
        action.ProgressReason = decision.Reason;
        action.Indicators = action.Indicators.Select(indicator =>
            values.FirstOrDefault(v => string.Equals(v.Name?.Trim(), indicator.Name, StringComparison.OrdinalIgnoreCase)) is { } value
                ? indicator with { CurrentValue = value.CurrentValue }
                : indicator).ToList();
        action.Version++;
        action.UpdatedAt = clock.GetUtcNow();
        action.UpdatedBy = caller.DisplayName;

        var today = store.Calendar.Today;
        var overdue = action.IsOverdue(today);
        // This event tells consumers whether the action is overdue: the overdue sweep need not announce it again.
        action.TrackOverdueAnnounced(overdue, clock.GetUtcNow());
        store.Db.AddToOutbox(new PlanActionProgressed
        {
            PlanId = plan.Id,
            MunicipalityCode = plan.MunicipalityCode,
            Year = plan.Year,
            ActionId = action.Id,
            ActionVersion = action.Version,
            Title = action.Title,
            Status = action.Status.Code(),
            Progress = action.Progress,
            EndsOn = action.EndsOn,
            Overdue = overdue,
            Plan = PlanFigures.Contract(plan, today),
            OccurredAt = clock.GetUtcNow(),
        }, clock);
        await store.SaveAsync(plan, structural: false, ct);
        return (plan, action);
    }
}
