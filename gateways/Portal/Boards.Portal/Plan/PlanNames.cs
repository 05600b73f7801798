using System.Globalization;
using Boards.Portal.Needs;
using Microsoft.Extensions.Localization;

namespace Boards.Portal.Plan;

/// <summary>
/// Names for the codes and ids the plan's pages show: institutions, need categories, prioritized needs and objectives,
/// and the values of a version diff (which Planning sends as codes, ids and invariant numbers). A list that did not
/// load leaves the code as it is.
/// </summary>
public sealed class PlanNames(
    IStringLocalizer localizer,
    ApiResult<List<InstitutionView>>? institutions = null,
    ApiResult<List<NeedCategoryView>>? categories = null,
    ApiResult<List<PrioritizedNeedView>>? needs = null,
    PlanDetailView? plan = null)
{
    private readonly Dictionary<Guid, string> _objectives = (plan?.Objectives ?? []).ToDictionary(o => o.Id, o => $"{o.Number}. {o.Title}");

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public string Institution(string code) =>
        institutions is { IsOk: true } && institutions.Value!.FirstOrDefault(i => i.Code == code) is { } institution ? institution.Name : code;

    public string Category(string? code) => code is null ? "" : NeedsText.CategoryName(categories, code);

    /// <summary>"#1 Salud · Compañía Costa (2026-S1, 40 personas)".</summary>
    public string Need(PrioritizedNeedView n) =>
        localizer["PlanEdit.NeedLabel", n.Rank, Category(n.Category), n.Locality, n.Period, n.PeopleAffected];

    /// <summary>A need linked to an objective, as the plan describes it (its id when Planning does not know it).</summary>
    public string Need(PlanNeedView n) =>
        n.Category is null ? n.NeedId.ToString() : localizer["PlanEdit.NeedLabel", n.Rank ?? 0, Category(n.Category), n.Locality ?? "", n.Period ?? "", n.PeopleAffected ?? 0];

    public string Need(Guid id)
    {
        if (needs is { IsOk: true } && needs.Value!.FirstOrDefault(n => n.NeedId == id) is { } prioritized)
        {
            return Need(prioritized);
        }

        var linked = plan?.Objectives.SelectMany(o => o.Needs).FirstOrDefault(n => n.NeedId == id);
        return linked is null ? id.ToString() : Need(linked);
    }

    /// <summary>Titles of objectives the plan no longer has (a diff names them).</summary>
    public void Remember(IEnumerable<PlanItemChangeView> objectives)
    {
        foreach (var o in objectives)
        {
            _objectives.TryAdd(o.Id, o.Title);
        }
    }

    public string Objective(Guid id) => _objectives.TryGetValue(id, out var title) ? title : id.ToString();

    public string Guaranies(long amount) => localizer["Plan.Guaranies", amount.ToString("N0", Culture)];

    public static string Number(decimal value) => value.ToString("0.##", Culture);

    /// <summary>A diff value in words: names for codes and ids, Paraguay's numbers and dates; "—" for nothing.</summary>
    public string DiffValue(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "—";
        }

        var invariant = CultureInfo.InvariantCulture;
        return field switch
        {
            "horizon" => localizer.Coded("Plan.Horizon", raw),
            "responsibleInstitution" => Institution(raw),
            "objectiveId" when Guid.TryParse(raw, out var objective) => Objective(objective),
            "needIds" => string.Join("; ", raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(id => Guid.TryParse(id, out var need) ? Need(need) : id)),
            "startsOn" or "endsOn" when DateOnly.TryParseExact(raw, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date) => date.ToString("d", Culture),
            "budget" when long.TryParse(raw, NumberStyles.Integer, invariant, out var budget) => Guaranies(budget),
            "weight" when decimal.TryParse(raw, NumberStyles.Number, invariant, out var weight) => Number(weight),
            _ => raw,
        };
    }

    /// <summary>A field's label in the page's language; Planning's Spanish label for a field the portal does not know.</summary>
    public string FieldLabel(PlanFieldChangeView change) => localizer.Coded("PlanEdit.Field", change.Field, change.Label);
}
