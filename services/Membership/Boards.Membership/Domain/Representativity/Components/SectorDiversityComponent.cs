using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>Diversidad de sectores: Blau's index over the 9 sectors, normalized to [0, 1]; flagged below the policy's floor.</summary>
internal sealed class SectorDiversityComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.SectorDiversity;

    public override string Label => "Diversidad de sectores (Blau normalizado)";

    public override string Formula => "value = (1 − Σ p_i²) / (1 − 1/k), k = 9; sub-score = value";

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var amounts = inputs.SectorAmounts;
        var floor = inputs.Policy.SectorDiversityFloor;
        var k = SectorTaxonomy.Count;
        var normalized = R4(Diversity.NormalizedBlau(amounts, k));
        if (normalized < floor)
        {
            findings.Flags.Add(RepresentativityFlag.LowSectorDiversity);
            findings.Gaps.Add($"baja diversidad de sectores (Blau normalizado {SpanishText.Index(normalized)} < mínimo {SpanishText.Index(floor)})");
        }

        var shown = SectorAmounts(amounts);
        shown.Add(Input("k", "categorías de sector (k)", k));
        shown.Add(Input("blau", "Blau B = 1 − Σ p_i²", Diversity.Blau(amounts)));
        shown.Add(Input("blauMaximum", "máximo 1 − 1/k", 1 - (1d / k)));
        return Measured(true, normalized, normalized, shown);
    }
}
