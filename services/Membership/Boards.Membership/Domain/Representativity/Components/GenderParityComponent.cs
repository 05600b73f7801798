using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>Paridad de género: min(women, men) / max(women, men); flags women below the policy's target share.</summary>
internal sealed class GenderParityComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.GenderParity;

    public override string Label => "Paridad de género";

    public override string Formula => "value = min(women, men) / max(women, men); sub-score = value";

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var n = inputs.Counted;
        var policy = inputs.Policy;
        var women = inputs.WeightOf(m => m.Gender == Gender.Female);
        var men = inputs.WeightOf(m => m.Gender == Gender.Male);
        var womenShare = R4(women / n);
        var parity = R4(Diversity.Parity(women, men));
        if (womenShare < policy.WomenShareTarget)
        {
            findings.Flags.Add(RepresentativityFlag.WomenBelowTarget);
            findings.Gaps.Add($"mujeres {SpanishText.Percent(womenShare)} < meta {SpanishText.Percent(policy.WomenShareTarget)}");
        }

        if (women == 0)
            findings.Flags.Add(RepresentativityFlag.NoWomen);
        if (men == 0)
        {
            findings.Flags.Add(RepresentativityFlag.NoMen);
            findings.Gaps.Add("sin hombres entre los miembros con voto (paridad 0)");
        }

        return Measured(true, parity, parity,
            [
                Input("members", "miembros con voto", n),
                Input("women", "mujeres", women),
                Input("men", "hombres", men),
                Input("otherGender", "otro / no indicado", n - women - men),
                Input("womenShare", "proporción de mujeres", womenShare),
                Input("womenShareTarget", "meta de mujeres", policy.WomenShareTarget),
                Input("parity", "paridad", parity),
            ]);
    }
}
