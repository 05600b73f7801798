using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>Participación de jóvenes (15–29): their share against the policy's target, capped at 1.</summary>
internal sealed class YouthComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.Youth;

    public override string Label => "Participación de jóvenes (15–29)";

    public override string Formula => "value = youth / members; sub-score = min(value / target, 1)";

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var n = inputs.Counted;
        var youth = inputs.WeightOf(m => m.IsYouth);
        var share = R4(youth / n);
        var target = inputs.Policy.YouthShareTarget;
        var subScore = target == 0 ? 1m : R4(Math.Min(share / target, 1m));
        if (share < target)
        {
            findings.Flags.Add(RepresentativityFlag.YouthBelowTarget);
            findings.Gaps.Add($"jóvenes {SpanishText.Percent(share)} < meta {SpanishText.Percent(target)}");
        }

        return Measured(true, share, subScore,
            [
                Input("members", "miembros con voto", n),
                Input("youth", "jóvenes (15–29)", youth),
                Input("youthShare", "proporción de jóvenes", share),
                Input("youthShareTarget", "meta de jóvenes", target),
            ]);
    }
}
