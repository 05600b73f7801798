using Boards.BuildingBlocks.Api.Limits;
using Boards.Planning.Domain;

namespace Boards.Planning.Features.Common;

/// <summary>An objective to add, or its corrected fields (then with the objective's expectedVersion).</summary>
public sealed record ObjectiveInput
{
    [MaxText(PlanningLimits.Title)]
    public string? Title { get; init; }
    [MaxText(PlanningLimits.Description)]
    public string? Description { get; init; }
    /// <summary>Default 1.</summary>
    public decimal? Weight { get; init; }
    /// <summary>Ids of needs of a closed (prioritized) round of the same municipality (GET /api/plans/needs).</summary>
    [MaxItems(PlanningLimits.NeedIds)]
    public IReadOnlyList<Guid>? NeedIds { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed record IndicatorInput
{
    [MaxText(PlanningLimits.IndicatorName)]
    public string? Name { get; init; }
    [MaxText(PlanningLimits.IndicatorUnit)]
    public string? Unit { get; init; }
    public decimal? Baseline { get; init; }
    public decimal? Target { get; init; }
    public decimal? CurrentValue { get; init; }
}

/// <summary>An action to add, or its corrected fields (then with the action's expectedVersion).</summary>
public sealed record ActionInput
{
    public Guid? ObjectiveId { get; init; }
    [MaxText(PlanningLimits.Title)]
    public string? Title { get; init; }
    /// <summary>immediate, short_term, medium_term or long_term.</summary>
    [MaxText(PlanningLimits.Choice)]
    public string? Horizon { get; init; }
    /// <summary>An institution code (data/reference/institutions.csv).</summary>
    [MaxText(PlanningLimits.Code)]
    public string? ResponsibleInstitution { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    /// <summary>Guaraníes, an integer ≥ 0.</summary>
    public long? Budget { get; init; }
    /// <summary>Default 1.</summary>
    public decimal? Weight { get; init; }
    [MaxItems(PlanningLimits.Indicators)]
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>Removing an objective or an action names the version the person read.</summary>
public sealed record RemoveCommand
{
    public long? ExpectedVersion { get; init; }
}
