namespace Boards.Planning.Domain.Plans;

/// <summary>How an action is measured: e.g. "Familias inscriptas", unit "familias", from 0 to 120; CurrentValue is tracked.</summary>
public sealed record Indicator
{
    public required string Name { get; init; }
    public required string Unit { get; init; }
    public required decimal Baseline { get; init; }
    public required decimal Target { get; init; }
    public decimal? CurrentValue { get; init; }
}
