namespace Boards.Planning.Features.Plans;

/// <summary>Open the plan of a municipality for a year.</summary>
public sealed record CreatePlanCommand
{
    public string? MunicipalityCode { get; init; }
    public int? Year { get; init; }
    public string? Title { get; init; }
}

/// <summary>An objective to add, or its corrected fields (then with the objective's expectedVersion).</summary>
public sealed record ObjectiveInput
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Default 1.</summary>
    public decimal? Weight { get; init; }
    /// <summary>Ids of needs of a closed (prioritized) round of the same municipality (GET /api/plans/needs).</summary>
    public IReadOnlyList<Guid>? NeedIds { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed record IndicatorInput
{
    public string? Name { get; init; }
    public string? Unit { get; init; }
    public decimal? Baseline { get; init; }
    public decimal? Target { get; init; }
    public decimal? CurrentValue { get; init; }
}

/// <summary>An action to add, or its corrected fields (then with the action's expectedVersion).</summary>
public sealed record ActionInput
{
    public Guid? ObjectiveId { get; init; }
    public string? Title { get; init; }
    /// <summary>immediate, short_term, medium_term or long_term.</summary>
    public string? Horizon { get; init; }
    /// <summary>An institution code (data/reference/institutions.csv).</summary>
    public string? ResponsibleInstitution { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    /// <summary>Guaraníes, an integer ≥ 0.</summary>
    public long? Budget { get; init; }
    /// <summary>Default 1.</summary>
    public decimal? Weight { get; init; }
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>Execution tracking: a status, optionally a progress other than the status's default (with a reason), indicators' current values.</summary>
public sealed record ProgressCommand
{
    public long? ExpectedVersion { get; init; }
    /// <summary>not_started, in_progress, done, blocked or cancelled.</summary>
    public string? Status { get; init; }
    public decimal? Progress { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<IndicatorValueInput>? Indicators { get; init; }
}

public sealed record IndicatorValueInput
{
    public string? Name { get; init; }
    public decimal? CurrentValue { get; init; }
}

public sealed record RemoveCommand
{
    public long? ExpectedVersion { get; init; }
}
