using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>Equidad de sectores: Shannon's evenness (Pielou) over the 9 sectors. Raises no flag of its own.</summary>
internal sealed class SectorEvennessComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.SectorEvenness;

    public override string Label => "Equidad de sectores (Shannon)";

    public override string Formula => "value = (−Σ p_i ln p_i) / ln k, k = 9; sub-score = value";

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var amounts = inputs.SectorAmounts;
        var k = SectorTaxonomy.Count;
        var evenness = R4(Diversity.ShannonEvenness(amounts, k));
        var shown = SectorAmounts(amounts);
        shown.Add(Input("k", "categorías de sector (k)", k));
        shown.Add(Input("entropy", "Shannon H = −Σ p_i ln p_i", Diversity.ShannonEntropy(amounts)));
        shown.Add(Input("lnK", "ln k", Math.Log(k)));
        return Measured(true, evenness, evenness, shown);
    }
}
