using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>
/// Proporcionalidad con la composición meta: Gallagher's least squares between the policy's target shares and the
/// actual ones; flagged above the policy's tolerance, naming the sector furthest from its target.
/// </summary>
internal sealed class ProportionalityComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.Proportionality;

    public override string Label => "Proporcionalidad con la composición meta (Gallagher)";

    public override string Formula => "value = √(½ Σ (t_i − s_i)²); sub-score = 1 − min(value / ceiling, 1)";

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var policy = inputs.Policy;
        var sectors = SectorTaxonomy.Sectors;
        var targets = TargetShares(inputs.Municipality, policy);
        var actual = Diversity.Shares(inputs.SectorAmounts);
        var lsq = R4(Diversity.Gallagher(targets, actual));
        var subScore = R4(1 - Math.Min(lsq / policy.GallagherCeiling, 1m));
        if (lsq > policy.GallagherTolerance)
        {
            findings.Flags.Add(RepresentativityFlag.CompositionOffTarget);
            var worst = Enumerable.Range(0, targets.Count).OrderByDescending(i => Math.Abs(targets[i] - actual[i])).First();
            findings.Gaps.Add($"composición alejada de la meta (Gallagher {SpanishText.Index(lsq)} > tolerancia {SpanishText.Index(policy.GallagherTolerance)}); " +
                $"mayor diferencia: {SpanishText.SectorName(sectors[worst])} {SpanishText.Percent(R4(actual[worst]))} (meta {SpanishText.Percent(R4(targets[worst]))})");
        }

        var shown = new List<ComponentInput>();
        for (var i = 0; i < sectors.Count; i++)
        {
            shown.Add(Input("t[" + sectors[i] + "]", "meta " + SpanishText.SectorName(sectors[i]), targets[i]));
            shown.Add(Input("s[" + sectors[i] + "]", "actual " + SpanishText.SectorName(sectors[i]), actual[i]));
        }

        shown.Add(Input("gallagher", "Gallagher LSq", lsq));
        shown.Add(Input("gallagherCeiling", "techo de Gallagher", policy.GallagherCeiling));
        return Measured(true, lsq, subScore, shown);
    }

    /// <summary>
    /// t_i in taxonomy order. Without indigenous communities in the municipality the indigenous target becomes 0 and
    /// the other targets are divided by (1 − t_indigenous), so they still sum to 1.
    /// </summary>
    public static IReadOnlyList<double> TargetShares(MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        var sectors = SectorTaxonomy.Sectors;
        var raw = sectors.Select(s => (double)policy.TargetComposition.GetValueOrDefault(s)).ToArray();
        if (municipality.HasIndigenousCommunities)
            return raw;
        var indigenous = raw[SectorTaxonomy.Index(Sector.IndigenousCommunity)];
        return sectors.Select((s, i) => s == Sector.IndigenousCommunity ? 0d : raw[i] / (1 - indigenous)).ToArray();
    }
}
