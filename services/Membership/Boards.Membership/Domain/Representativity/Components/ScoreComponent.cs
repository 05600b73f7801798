namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>
/// One component of the representativity score: its label and formula as shown, and how it measures a board. Measure
/// returns the value and sub-score rounded to 4 decimals (<see cref="Rounding"/>) and adds its flags and gaps; the
/// weights and the contribution are applied by <see cref="RepresentativityCalculator"/>.
/// </summary>
internal abstract class ScoreComponent
{
    public abstract RepresentativityComponentKind Kind { get; }

    public abstract string Label { get; }

    public abstract string Formula { get; }

    public abstract ComponentMeasure Measure(ScoreInputs inputs, Findings findings);

    /// <summary>Whether the component counts when nobody could be measured (every value 0).</summary>
    public virtual bool AppliesWithoutMembers(MunicipalityContext municipality) => true;

    protected ComponentMeasure Measured(bool applicable, decimal value, decimal subScore, IReadOnlyList<ComponentInput> inputs) =>
        new(Kind, Label, Formula, applicable, value, subScore, inputs);
}

/// <summary>What a component measured, before weighting.</summary>
internal sealed record ComponentMeasure(
    RepresentativityComponentKind Kind,
    string Label,
    string Formula,
    bool Applicable,
    decimal Value,
    decimal SubScore,
    IReadOnlyList<ComponentInput> Inputs);

/// <summary>The flags raised and the gaps found (in Spanish), in the order the components report them.</summary>
internal sealed class Findings
{
    public List<RepresentativityFlag> Flags { get; } = [];

    public List<string> Gaps { get; } = [];
}
