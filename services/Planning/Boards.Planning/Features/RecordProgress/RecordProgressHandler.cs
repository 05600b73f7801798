using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Outbox;
using Boards.Planning.Domain;

namespace Boards.Planning.Features.RecordProgress;

/// <summary>Execution tracking: a status, optionally a progress other than the status's default (with a reason), indicators' current values.</summary>
public sealed record ProgressCommand
{
    public long? ExpectedVersion { get; init; }
    /// <summary>not_started, in_progress, done, blocked or cancelled.</summary>
    [MaxText(PlanningLimits.Choice)]
    public string? Status { get; init; }
    public decimal? Progress { get; init; }
    [MaxText(PlanningLimits.Reason)]
    public string? Reason { get; init; }
    [MaxItems(PlanningLimits.Indicators)]
    public IReadOnlyList<IndicatorValueInput>? Indicators { get; init; }
}

public sealed record IndicatorValueInput
{
    [MaxText(PlanningLimits.IndicatorName)]
    public string? Name { get; init; }
    public decimal? CurrentValue { get; init; }
}

/// <summary>
/// Execution tracking: status, progress (the status's default, or an override with a reason) and indicators' current
/// values. Allowed on a draft and on an approved plan alike (no amendment needed); writes PlanActionProgressed with the
/// plan's roll-up after the change, in the same SaveChanges.
/// </summary>
public sealed class RecordProgressHandler(PlanStore store, PlanningDbContext db, PlanCalendar calendar, TimeProvider clock)
{
    public async Task<(Plan Plan, PlanAction Action)> HandleAsync(Guid planId, Guid actionId, ProgressCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.WritableAsync(planId, caller, ct);
        var action = plan.CurrentAction(actionId);
        var report = Validate(action, command);

        var now = calendar.Now;
        var today = calendar.Today;
        var overdue = action.RecordProgress(report, command.ExpectedVersion!.Value, caller.DisplayName, now, today);
        db.AddToOutbox(PlanEvents.ActionProgressed(plan, action, overdue, PlanFigures.Contract(plan, today), now), clock);
        await store.SaveAsync(ct);
        return (plan, action);
    }

    private static ProgressReport Validate(PlanAction action, ProgressCommand command)
    {
        var errors = new FieldErrors();
        ExpectedVersion.Require(errors, command.ExpectedVersion, "la acción");
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
        return new ProgressReport(status!.Value, command.Progress, command.Reason, values.Select(v => new IndicatorValue(v.Name!.Trim(), v.CurrentValue)).ToList());
    }
}
