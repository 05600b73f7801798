using System.Globalization;

namespace Boards.Planning.Domain.Versions;

public sealed record FieldChange(string Field, string Label, string? Before, string? After);

/// <summary>added, removed or changed; Fields lists every changed field (for added and removed: none).</summary>
public sealed record ItemChange(Guid Id, string Change, string Title, IReadOnlyList<FieldChange> Fields);

public sealed record PlanDiff(int FromVersion, int ToVersion, IReadOnlyList<FieldChange> Plan, IReadOnlyList<ItemChange> Objectives, IReadOnlyList<ItemChange> Actions)
{
    public bool IsEmpty => Plan.Count == 0 && Objectives.Count == 0 && Actions.Count == 0;
}

/// <summary>Compares two versions' structure field by field, with the Spanish labels a board reads.</summary>
public static class PlanDiffer
{
    public static PlanDiff Compare(int fromVersion, PlanSnapshot? before, int toVersion, PlanSnapshot after)
    {
        var plan = new List<FieldChange>();
        Field(plan, "title", "Título del plan", before?.Title, after.Title);
        var objectives = Items(before?.Objectives ?? [], after.Objectives, o => o.Id, o => o.Title, ObjectiveFields);
        var actions = Items(before?.Actions ?? [], after.Actions, a => a.Id, a => a.Title, ActionFields);
        return new PlanDiff(fromVersion, toVersion, before is null ? [] : plan, objectives, actions);
    }

    private static List<FieldChange> ObjectiveFields(ObjectiveSnapshot a, ObjectiveSnapshot b)
    {
        var fields = new List<FieldChange>();
        Field(fields, "title", "Título", a.Title, b.Title);
        Field(fields, "description", "Descripción", a.Description, b.Description);
        Field(fields, "weight", "Peso", Number(a.Weight), Number(b.Weight));
        Field(fields, "needIds", "Necesidades priorizadas", string.Join(", ", a.NeedIds.Order()), string.Join(", ", b.NeedIds.Order()));
        return fields;
    }

    private static List<FieldChange> ActionFields(ActionSnapshot a, ActionSnapshot b)
    {
        var fields = new List<FieldChange>();
        Field(fields, "objectiveId", "Objetivo", a.ObjectiveId.ToString(), b.ObjectiveId.ToString());
        Field(fields, "title", "Título", a.Title, b.Title);
        Field(fields, "horizon", "Horizonte", a.Horizon, b.Horizon);
        Field(fields, "responsibleInstitution", "Institución responsable", a.InstitutionCode, b.InstitutionCode);
        Field(fields, "startsOn", "Fecha de inicio", Date(a.StartsOn), Date(b.StartsOn));
        Field(fields, "endsOn", "Fecha de fin", Date(a.EndsOn), Date(b.EndsOn));
        Field(fields, "budget", "Presupuesto (Gs.)", a.Budget.ToString(CultureInfo.InvariantCulture), b.Budget.ToString(CultureInfo.InvariantCulture));
        Field(fields, "weight", "Peso", Number(a.Weight), Number(b.Weight));
        Field(fields, "indicators", "Indicadores", a.Indicators, b.Indicators);
        return fields;
    }

    private static List<ItemChange> Items<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, Guid> id, Func<T, string> title, Func<T, T, List<FieldChange>> fields)
    {
        var old = before.ToDictionary(id);
        var changes = new List<ItemChange>();
        foreach (var item in after)
        {
            if (!old.Remove(id(item), out var previous))
            {
                changes.Add(new ItemChange(id(item), "added", title(item), []));
            }
            else if (fields(previous, item) is { Count: > 0 } changed)
            {
                changes.Add(new ItemChange(id(item), "changed", title(item), changed));
            }
        }

        changes.AddRange(old.Values.Select(item => new ItemChange(id(item), "removed", title(item), [])));
        return changes;
    }

    private static void Field(List<FieldChange> fields, string field, string label, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            fields.Add(new FieldChange(field, label, before, after));
        }
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
