using Boards.BuildingBlocks.ReferenceData;
using Boards.Planning.Domain;

namespace Boards.Planning.Features.Common;

/// <summary>
/// Turns an objective or action request into its definition for the plan, or throws every problem at once (one
/// <see cref="FieldErrors"/>, in Spanish): the fields, the expectedVersion a correction needs, needs of a closed round of
/// the plan's municipality, a known institution, an objective of the plan.
/// </summary>
public sealed class PlanValidator(PlanningDbContext db, Institutions institutions)
{
    private const decimal MaxWeight = 100m;

    public async Task<ObjectiveDefinition> ObjectiveAsync(Plan plan, ObjectiveInput input, bool requireVersion, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (requireVersion)
        {
            ExpectedVersion.Require(errors, input.ExpectedVersion, "el objetivo");
        }

        var valid = Objective(errors, input);
        var needIds = (input.NeedIds ?? []).Distinct().ToList();
        var known = await db.PrioritizedNeeds.Where(n => n.MunicipalityCode == plan.MunicipalityCode && needIds.Contains(n.NeedId))
            .Select(n => n.NeedId).ToListAsync(ct);
        foreach (var unknown in needIds.Except(known))
        {
            errors.Add("needIds", $"La necesidad '{unknown}' no está entre las necesidades priorizadas de '{plan.MunicipalityCode}'.");
        }

        errors.ThrowIfAny();
        return valid!;
    }

    public ActionDefinition Action(Plan plan, ActionInput input, bool requireVersion)
    {
        var errors = new FieldErrors();
        if (requireVersion)
        {
            ExpectedVersion.Require(errors, input.ExpectedVersion, "la acción");
        }

        var valid = Action(errors, input, institutions.Contains);
        if (input.ObjectiveId is { } objectiveId && objectiveId != Guid.Empty && !plan.CurrentObjectives.Any(o => o.Id == objectiveId))
        {
            errors.Add("objectiveId", $"El objetivo '{objectiveId}' no es de este plan.");
        }

        errors.ThrowIfAny();
        return valid!;
    }

    private static ObjectiveDefinition? Objective(FieldErrors errors, ObjectiveInput input)
    {
        var title = Text(errors, "title", input.Title, PlanningLimits.Title, "Indique el título del objetivo");
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > PlanningLimits.Description)
        {
            errors.Add("description", $"La descripción tiene hasta {PlanningLimits.Description} caracteres.");
        }

        var weight = Weight(errors, input.Weight);
        var needs = (input.NeedIds ?? []).Distinct().ToList();
        return title is null || errors.Any ? null : new ObjectiveDefinition(title, description, weight, needs);
    }

    private static ActionDefinition? Action(FieldErrors errors, ActionInput input, Func<string, bool> knownInstitution)
    {
        if (input.ObjectiveId is null || input.ObjectiveId == Guid.Empty)
        {
            errors.Add("objectiveId", "Indique el objetivo del plan al que pertenece la acción.");
        }

        var title = Text(errors, "title", input.Title, PlanningLimits.Title, "Indique el título de la acción");
        var horizon = HorizonOf(errors, input.Horizon);
        var institution = input.ResponsibleInstitution?.Trim().ToLowerInvariant() ?? "";
        if (institution.Length == 0)
        {
            errors.Add("responsibleInstitution", "Indique la institución responsable (su código).");
        }
        else if (!knownInstitution(institution))
        {
            errors.Add("responsibleInstitution", $"La institución '{institution}' no está en la lista de instituciones.");
        }

        if (input.StartsOn is null)
        {
            errors.Add("startsOn", "Indique la fecha de inicio (AAAA-MM-DD).");
        }

        if (input.EndsOn is null)
        {
            errors.Add("endsOn", "Indique la fecha de fin (AAAA-MM-DD).");
        }
        else if (input.StartsOn is { } starts && input.EndsOn < starts)
        {
            errors.Add("endsOn", "La fecha de fin no puede ser anterior a la de inicio.");
        }

        if (input.Budget is null)
        {
            errors.Add("budget", "Indique el presupuesto en guaraníes (0 si no tiene).");
        }
        else if (input.Budget < 0)
        {
            errors.Add("budget", "El presupuesto en guaraníes no puede ser negativo.");
        }

        var weight = Weight(errors, input.Weight);
        var indicators = Indicators(errors, input.Indicators ?? []);
        return errors.Any
            ? null
            : new ActionDefinition(input.ObjectiveId!.Value, title!, horizon!.Value, institution, input.StartsOn!.Value, input.EndsOn!.Value, input.Budget!.Value, weight, indicators);
    }

    private static Horizon? HorizonOf(FieldErrors errors, string? code)
    {
        if (code is not null && Horizons.ByCode.TryGetValue(code.Trim(), out var horizon))
        {
            return horizon;
        }

        errors.Add("horizon", "Indique el horizonte: immediate, short_term, medium_term o long_term.");
        return null;
    }

    private static List<Indicator> Indicators(FieldErrors errors, IReadOnlyList<IndicatorInput> inputs)
    {
        var indicators = new List<Indicator>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var name = Text(errors, $"indicators[{i}].name", input.Name, PlanningLimits.IndicatorName, "Indique el nombre del indicador");
            var unit = Text(errors, $"indicators[{i}].unit", input.Unit, PlanningLimits.IndicatorUnit, "Indique la unidad del indicador (p. ej. familias, %)");
            if (input.Baseline is null)
            {
                errors.Add($"indicators[{i}].baseline", "Indique la línea de base del indicador.");
            }

            if (input.Target is null)
            {
                errors.Add($"indicators[{i}].target", "Indique la meta del indicador.");
            }

            if (name is not null && indicators.Any(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"indicators[{i}].name", $"El indicador '{name}' está repetido.");
            }

            if (name is not null && unit is not null && input.Baseline is { } baseline && input.Target is { } target)
            {
                indicators.Add(new Indicator { Name = name, Unit = unit, Baseline = baseline, Target = target, CurrentValue = input.CurrentValue });
            }
        }

        return indicators;
    }

    private static decimal Weight(FieldErrors errors, decimal? weight)
    {
        if (weight is { } w && (w <= 0m || w > MaxWeight || decimal.Round(w, 2) != w))
        {
            errors.Add("weight", $"El peso es un número mayor que 0 y hasta {MaxWeight:0}, con hasta 2 decimales (por defecto 1).");
        }

        return weight ?? 1m;
    }

    private static string? Text(FieldErrors errors, string field, string? value, int max, string missing)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 || text.Length > max)
        {
            errors.Add(field, $"{missing} (hasta {max} caracteres).");
            return null;
        }

        return text;
    }
}
