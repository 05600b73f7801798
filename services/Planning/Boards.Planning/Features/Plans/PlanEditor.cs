using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Errors;
using Boards.Planning.Domain;
using Boards.Planning.Domain.Plans;
using Boards.Planning.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Planning.Features.Plans;

/// <summary>
/// The plan's structure: open one per municipality and year, add and correct objectives (linked to prioritized needs)
/// and actions, remove them while a draft (kept, marked removed). Scope in <see cref="PlanAccess"/>.
/// </summary>
public sealed class PlanEditor(PlanStore store, Institutions institutions)
{
    private const int MinYear = 2020;

    public async Task<IReadOnlyList<PlanSummaryView>> ListAsync(string? municipality, int? year, Caller caller, CancellationToken ct)
    {
        var code = PlanAccess.ListScope(caller, municipality);
        var query = store.Db.Plans.AsNoTracking().Include(p => p.Objectives).Include(p => p.Actions).AsSplitQuery();
        if (code is not null)
        {
            query = query.Where(p => p.MunicipalityCode == code);
        }

        if (year is not null)
        {
            query = query.Where(p => p.Year == year);
        }

        var plans = await query.OrderBy(p => p.MunicipalityCode).ThenByDescending(p => p.Year).ToListAsync(ct);
        return plans.Select(p => PlanViews.Summary(p, store.Calendar.Today)).ToList();
    }

    public async Task<Plan> CreateAsync(CreatePlanCommand command, Caller caller, CancellationToken ct)
    {
        var municipality = command.MunicipalityCode?.Trim().ToLowerInvariant() ?? "";
        var errors = new FieldErrors();
        if (municipality.Length == 0)
        {
            errors.Add("municipalityCode", "Indique el código del municipio.");
        }
        else
        {
            PlanAccess.EnsureCanEdit(caller, municipality);
            if (!await store.Db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
            {
                errors.Add("municipalityCode", $"El municipio '{municipality}' no está registrado.");
            }
        }

        var maxYear = store.Calendar.Today.Year + 5;
        if (command.Year is not { } year || year < MinYear || year > maxYear)
        {
            errors.Add("year", $"Indique el año del plan, entre {MinYear} y {maxYear}.");
        }

        var title = command.Title?.Trim();
        if (title?.Length > PlanningLimits.PlanTitle)
        {
            errors.Add("title", $"El título tiene hasta {PlanningLimits.PlanTitle} caracteres.");
        }

        errors.ThrowIfAny();
        if (await store.Db.Plans.AnyAsync(p => p.MunicipalityCode == municipality && p.Year == command.Year, ct))
        {
            throw Taken(municipality, command.Year!.Value);
        }

        var plan = new Plan
        {
            MunicipalityCode = municipality,
            Year = command.Year!.Value,
            Title = string.IsNullOrEmpty(title) ? $"Plan de Acción Territorial {command.Year}" : title,
            CreatedAt = store.Calendar.Now,
            CreatedBy = caller.DisplayName,
        };
        store.Db.Plans.Add(plan);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            throw Taken(municipality, plan.Year);
        }

        return plan;
    }

    public async Task<Objective> AddObjectiveAsync(Guid planId, ObjectiveInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var valid = await ValidateAsync(plan, input, ct);
        var objective = new Objective
        {
            PlanId = plan.Id,
            Number = plan.Objectives.Count == 0 ? 1 : plan.Objectives.Max(o => o.Number) + 1,
            Title = valid.Title,
        };
        Apply(objective, valid);
        plan.Objectives.Add(objective);
        store.Db.Objectives.Add(objective);
        await store.SaveAsync(plan, structural: true, ct);
        return objective;
    }

    public async Task<Objective> UpdateObjectiveAsync(Guid planId, Guid objectiveId, ObjectiveInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var objective = CurrentObjective(plan, objectiveId);
        var valid = await ValidateAsync(plan, input, ct, requireVersion: true);
        PlanStore.EnsureVersion(input.ExpectedVersion!.Value, objective.Version, "el objetivo");
        Apply(objective, valid);
        objective.Version++;
        await store.SaveAsync(plan, structural: true, ct);
        return objective;
    }

    public async Task RemoveObjectiveAsync(Guid planId, Guid objectiveId, RemoveCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var objective = CurrentObjective(plan, objectiveId);
        var errors = new FieldErrors();
        PlanStore.RequireVersion(errors, command.ExpectedVersion, "el objetivo");
        errors.ThrowIfAny();
        PlanStore.EnsureVersion(command.ExpectedVersion!.Value, objective.Version, "el objetivo");
        var now = store.Calendar.Now;
        objective.RemovedAt = now;
        objective.Version++;
        foreach (var action in plan.CurrentActions.Where(a => a.ObjectiveId == objective.Id))
        {
            action.RemovedAt = now;
            action.Version++;
        }

        await store.SaveAsync(plan, structural: true, ct);
    }

    public async Task<PlanAction> AddActionAsync(Guid planId, ActionInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var valid = Validate(plan, input, requireVersion: false);
        var action = NewAction(plan, valid, caller, agreementId: null);
        store.Db.Actions.Add(action);
        await store.SaveAsync(plan, structural: true, ct);
        return action;
    }

    /// <summary>A new action in a draft plan (also what an accepted agreement becomes).</summary>
    public PlanAction NewAction(Plan plan, ValidAction valid, Caller caller, Guid? agreementId)
    {
        var action = new PlanAction
        {
            PlanId = plan.Id,
            Number = plan.Actions.Count == 0 ? 1 : plan.Actions.Max(a => a.Number) + 1,
            Title = valid.Title,
            InstitutionCode = valid.Institution,
            AgreementId = agreementId,
            UpdatedAt = store.Calendar.Now,
            UpdatedBy = caller.DisplayName,
        };
        Apply(action, valid);
        plan.Actions.Add(action);
        return action;
    }

    public async Task<PlanAction> UpdateActionAsync(Guid planId, Guid actionId, ActionInput input, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var action = CurrentAction(plan, actionId);
        var valid = Validate(plan, input, requireVersion: true);
        PlanStore.EnsureVersion(input.ExpectedVersion!.Value, action.Version, "la acción");
        Apply(action, valid);
        action.Version++;
        action.UpdatedAt = store.Calendar.Now;
        action.UpdatedBy = caller.DisplayName;
        await store.SaveAsync(plan, structural: true, ct);
        return action;
    }

    public async Task RemoveActionAsync(Guid planId, Guid actionId, RemoveCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.EditableAsync(planId, caller, ct);
        var action = CurrentAction(plan, actionId);
        var errors = new FieldErrors();
        PlanStore.RequireVersion(errors, command.ExpectedVersion, "la acción");
        errors.ThrowIfAny();
        PlanStore.EnsureVersion(command.ExpectedVersion!.Value, action.Version, "la acción");
        action.RemovedAt = store.Calendar.Now;
        action.Version++;
        await store.SaveAsync(plan, structural: true, ct);
    }

    public ValidAction Validate(Plan plan, ActionInput input, bool requireVersion)
    {
        var errors = new FieldErrors();
        if (requireVersion)
        {
            PlanStore.RequireVersion(errors, input.ExpectedVersion, "la acción");
        }

        var valid = PlanValidator.Action(errors, input, institutions.Contains);
        if (input.ObjectiveId is { } objectiveId && objectiveId != Guid.Empty && !plan.CurrentObjectives.Any(o => o.Id == objectiveId))
        {
            errors.Add("objectiveId", $"El objetivo '{objectiveId}' no es de este plan.");
        }

        errors.ThrowIfAny();
        return valid!;
    }

    private async Task<ValidObjective> ValidateAsync(Plan plan, ObjectiveInput input, CancellationToken ct, bool requireVersion = false)
    {
        var errors = new FieldErrors();
        if (requireVersion)
        {
            PlanStore.RequireVersion(errors, input.ExpectedVersion, "el objetivo");
        }

        var valid = PlanValidator.Objective(errors, input);
        var needIds = (input.NeedIds ?? []).Distinct().ToList();
        var known = await store.Db.PrioritizedNeeds.Where(n => n.MunicipalityCode == plan.MunicipalityCode && needIds.Contains(n.NeedId))
            .Select(n => n.NeedId).ToListAsync(ct);
        foreach (var unknown in needIds.Except(known))
        {
            errors.Add("needIds", $"La necesidad '{unknown}' no está entre las necesidades priorizadas de '{plan.MunicipalityCode}'.");
        }

        errors.ThrowIfAny();
        return valid!;
    }

    private static Objective CurrentObjective(Plan plan, Guid objectiveId) =>
        plan.CurrentObjectives.FirstOrDefault(o => o.Id == objectiveId)
        ?? throw new NotFoundException($"El objetivo '{objectiveId}' no es de este plan.");

    private static PlanAction CurrentAction(Plan plan, Guid actionId) =>
        plan.CurrentActions.FirstOrDefault(a => a.Id == actionId)
        ?? throw new NotFoundException($"La acción '{actionId}' no es de este plan.");

    private static void Apply(Objective objective, ValidObjective valid)
    {
        objective.Title = valid.Title;
        objective.Description = valid.Description;
        objective.Weight = valid.Weight;
        objective.NeedIds = valid.NeedIds;
    }

    private static void Apply(PlanAction action, ValidAction valid)
    {
        action.ObjectiveId = valid.ObjectiveId;
        action.Title = valid.Title;
        action.Horizon = valid.Horizon;
        action.InstitutionCode = valid.Institution;
        action.StartsOn = valid.StartsOn;
        action.ChangeEndsOn(valid.EndsOn);
        action.Budget = valid.Budget;
        action.Weight = valid.Weight;
        // Current values already tracked survive a correction of the definitions.
        var tracked = action.Indicators.ToDictionary(i => i.Name, i => i.CurrentValue, StringComparer.OrdinalIgnoreCase);
        action.Indicators = valid.Indicators
            .Select(i => i.CurrentValue is null && tracked.TryGetValue(i.Name, out var current) ? i with { CurrentValue = current } : i)
            .ToList();
    }

    private static AlreadyExistsException Taken(string municipality, int year) =>
        new($"'{municipality}' ya tiene un plan de acción territorial para {year}: edítelo o enmiéndelo.");
}
