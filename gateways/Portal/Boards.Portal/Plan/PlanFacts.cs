using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Boards.Portal.Plan;

/// <summary>
/// An objective or an action in words, field by field. A form carries them as the person read them (a hidden field);
/// when Planning refuses a change because someone else saved first (a stale version), the page compares them with the
/// item as it is now and shows what changed, while the form keeps what the person typed.
/// </summary>
public static class PlanFacts
{
    public sealed record Fact(string Label, string Value);

    public sealed record Change(string Label, string Before, string Now);

    public static List<Fact> Of(PlanObjectiveView o, PlanNames names, IStringLocalizer l) =>
    [
        new(l["PlanEdit.Field.title"], o.Title),
        new(l["PlanEdit.Field.description"], o.Description ?? "—"),
        new(l["PlanEdit.Field.weight"], PlanNames.Number(o.Weight)),
        new(l["PlanEdit.Field.needIds"], o.Needs.Count == 0 ? "—" : string.Join("; ", o.Needs.Select(names.Need))),
    ];

    public static List<Fact> Of(PlanActionView a, PlanNames names, IStringLocalizer l) =>
    [
        new(l["PlanEdit.Field.objectiveId"], names.Objective(a.ObjectiveId)),
        new(l["PlanEdit.Field.title"], a.Title),
        new(l["PlanEdit.Field.horizon"], l.Coded("Plan.Horizon", a.Horizon, a.HorizonLabel)),
        new(l["PlanEdit.Field.responsibleInstitution"], a.ResponsibleInstitutionName is { Length: > 0 } name ? name : a.ResponsibleInstitution),
        new(l["PlanEdit.Field.startsOn"], a.StartsOn.ToString("d", CultureInfo.CurrentCulture)),
        new(l["PlanEdit.Field.endsOn"], a.EndsOn.ToString("d", CultureInfo.CurrentCulture)),
        new(l["PlanEdit.Field.budget"], names.Guaranies(a.Budget)),
        new(l["PlanEdit.Field.weight"], PlanNames.Number(a.Weight)),
        new(l["PlanEdit.Field.indicators"], Indicators(a, l)),
        new(l["Plan.ActionStatus"], l.Coded("Plan.ActionStatus", a.Status, a.StatusLabel)),
        new(l["Plan.ActionProgress"], $"{PlanNames.Number(a.Progress)} %"),
        new(l["PlanEdit.Progress.Reason"], a.ProgressReason ?? "—"),
    ];

    /// <summary>"Familias atendidas (familias): 0 → 120, hoy 30".</summary>
    public static string Indicators(PlanActionView a, IStringLocalizer l) =>
        a.Indicators is not { Count: > 0 } indicators
            ? "—"
            : string.Join("; ", indicators.Select(i => l["PlanEdit.IndicatorText", i.Name, i.Unit, PlanNames.Number(i.Baseline), PlanNames.Number(i.Target),
                i.CurrentValue is { } now ? PlanNames.Number(now) : "—"].Value));

    /// <summary>For the form's hidden field.</summary>
    public static string Write(IEnumerable<Fact> facts) => JsonSerializer.Serialize(facts.Select(f => new[] { f.Label, f.Value }));

    /// <summary>What differs between the facts as read (the hidden field) and as they are now; all of now if unreadable.</summary>
    public static List<Change> Changed(string? read, IReadOnlyList<Fact> now)
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var pair in JsonSerializer.Deserialize<string[][]>(read ?? "[]") ?? [])
            {
                if (pair is [var label, var value])
                {
                    before[label] = value;
                }
            }
        }
        catch (JsonException)
        {
            // A tampered or truncated field: every fact is shown as it is now.
        }

        return now.Where(f => !before.TryGetValue(f.Label, out var value) || value != f.Value)
            .Select(f => new Change(f.Label, before.GetValueOrDefault(f.Label, "—"), f.Value))
            .ToList();
    }
}
