using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>
/// Sectores requeridos presentes: the share of the policy's required sectors (plus the indigenous sector where
/// indigenous communities live) with at least one member. Not applicable when nothing is required.
/// </summary>
internal sealed class RequiredSectorsComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.RequiredSectors;

    public override string Label => "Sectores requeridos presentes";

    public override string Formula => "value = present / required; sub-score = value";

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var policy = inputs.Policy;
        var required = policy.RequiredSectors
            .Concat(inputs.Municipality.HasIndigenousCommunities ? policy.RequiredWhereIndigenousCommunities : [])
            .Distinct()
            .Order()
            .ToList();
        var present = required.Where(s => inputs.SectorAmounts[SectorTaxonomy.Index(s)] > 0).ToList();
        var missing = required.Except(present).ToList();
        var value = required.Count == 0 ? 1m : R4((double)present.Count / required.Count);
        if (missing.Count > 0)
            findings.Flags.Add(RepresentativityFlag.RequiredSectorMissing);
        findings.Gaps.AddRange(missing.Select(s => "sin " + SpanishText.SectorName(s)));
        return Measured(required.Count > 0, value, value,
            [
                Text("required", "sectores requeridos", string.Join(", ", required)),
                Text("present", "sectores requeridos presentes", string.Join(", ", present)),
                Text("missing", "sectores requeridos ausentes", string.Join(", ", missing)),
                Input("requiredCount", "cantidad requerida", required.Count),
                Input("presentCount", "cantidad presente", present.Count),
            ]);
    }
}
