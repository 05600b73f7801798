using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>
/// Captura por un sector: the largest sector's share above the policy's capture limit lowers the sub-score; local
/// government above the limit is flagged on its own, whether or not it is the largest.
/// </summary>
internal sealed class CaptureComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.Capture;

    public override string Label => "Captura por un sector";

    public override string Formula =>
        "value = largest sector share; sub-score = 1 if value ≤ limit, else 1 − (value − limit) / (1 − limit)";

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var shares = Diversity.Shares(inputs.SectorAmounts);
        var largestIndex = 0;
        for (var i = 1; i < shares.Count; i++)
        {
            if (shares[i] > shares[largestIndex])
                largestIndex = i;
        }

        var largest = R4(shares[largestIndex]);
        var largestSector = SectorTaxonomy.Sectors[largestIndex];
        var localGovernment = R4(shares[SectorTaxonomy.Index(Sector.LocalGovernment)]);
        var limit = inputs.Policy.CaptureLimit;
        var subScore = largest <= limit ? 1m : R4(1 - ((largest - limit) / (1 - limit)));

        if (localGovernment > limit)
        {
            findings.Flags.Add(RepresentativityFlag.LocalGovernmentCapture);
            findings.Gaps.Add($"{SpanishText.SectorConcentrates(Sector.LocalGovernment)} {SpanishText.Percent(localGovernment)} de los miembros con voto (límite {SpanishText.Percent(limit)})");
        }

        if (largest > limit)
        {
            findings.Flags.Add(RepresentativityFlag.SectorCapture);
            if (largestSector != Sector.LocalGovernment)
                findings.Gaps.Add($"{SpanishText.SectorConcentrates(largestSector)} {SpanishText.Percent(largest)} de los miembros con voto (límite {SpanishText.Percent(limit)})");
        }

        return Measured(true, largest, subScore,
            [
                Text("largestSector", "sector más grande", largestSector.ToString()),
                Input("largestShare", "proporción del sector más grande", largest),
                Input("localGovernmentShare", "proporción del gobierno local", localGovernment),
                Input("captureLimit", "límite de captura", limit),
            ]);
    }
}
