using System.Globalization;

namespace Boards.Planning.Domain.Versions;

/// <summary>The structure of a plan version as approved (no execution figures): what an amendment's diff compares.</summary>
public sealed record PlanSnapshot
{
    public required string Title { get; init; }
    public required IReadOnlyList<ObjectiveSnapshot> Objectives { get; init; }
    public required IReadOnlyList<ActionSnapshot> Actions { get; init; }

    public static PlanSnapshot Of(Plan plan) => new()
    {
        Title = plan.Title,
        Objectives = plan.CurrentObjectives.Select(o => new ObjectiveSnapshot
        {
            Id = o.Id, Number = o.Number, Title = o.Title, Description = o.Description, Weight = o.Weight, NeedIds = o.NeedIds.ToList(),
        }).ToList(),
        Actions = plan.CurrentActions.Select(a => new ActionSnapshot
        {
            Id = a.Id, ObjectiveId = a.ObjectiveId, Number = a.Number, Title = a.Title, Horizon = a.Horizon.Code(),
            InstitutionCode = a.InstitutionCode, StartsOn = a.StartsOn, EndsOn = a.EndsOn, Budget = a.Budget, Weight = a.Weight,
            Indicators = string.Join("; ", a.Indicators.Select(Describe)), AgreementId = a.AgreementId,
        }).ToList(),
    };

    private static string Describe(Indicator i) =>
        string.Create(CultureInfo.InvariantCulture, $"{i.Name} ({i.Unit}): {i.Baseline:0.##} → {i.Target:0.##}");
}

public sealed record ObjectiveSnapshot
{
    public required Guid Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required decimal Weight { get; init; }
    public required IReadOnlyList<Guid> NeedIds { get; init; }
}

public sealed record ActionSnapshot
{
    public required Guid Id { get; init; }
    public required Guid ObjectiveId { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required string Horizon { get; init; }
    public required string InstitutionCode { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required long Budget { get; init; }
    public required decimal Weight { get; init; }
    /// <summary>The indicators' definitions as one text (name, unit, baseline → target).</summary>
    public required string Indicators { get; init; }
    public Guid? AgreementId { get; init; }
}
