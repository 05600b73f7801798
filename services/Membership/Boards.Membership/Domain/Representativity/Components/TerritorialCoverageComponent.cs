using System.Globalization;
using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>
/// Cobertura territorial rural: the municipality's rural localities with a member living there. Not applicable where
/// the municipality has no rural localities (or they are unknown).
/// </summary>
internal sealed class TerritorialCoverageComponent : ScoreComponent
{
    public override RepresentativityComponentKind Kind => RepresentativityComponentKind.TerritorialCoverage;

    public override string Label => "Cobertura territorial rural";

    public override string Formula =>
        "value = rural localities represented / rural localities; sub-score = value; not applicable with 0 rural localities";

    public override bool AppliesWithoutMembers(MunicipalityContext municipality) => municipality.RuralLocalities > 0;

    public override ComponentMeasure Measure(ScoreInputs inputs, Findings findings)
    {
        var total = inputs.Municipality.RuralLocalities;
        if (total == 0)
        {
            return Measured(false, 0m, 0m, [Input("ruralLocalities", "localidades rurales del municipio", 0m)]);
        }

        // Locality names are compared trimmed, without case or accents ("Compañía Potrero" = "compania potrero").
        var comparer = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        var localities = inputs.Members
            .Where(m => m.Member.Territory.Area == Area.Rural && !string.IsNullOrWhiteSpace(m.Member.Territory.Locality))
            .Select(m => m.Member.Territory.Locality.Trim())
            .Distinct(comparer)
            .Order(comparer)
            .ToList();
        var represented = Math.Min(localities.Count, total);
        var coverage = R4((double)represented / total);
        if (represented < total)
        {
            findings.Flags.Add(RepresentativityFlag.RuralLocalitiesMissing);
            findings.Gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{represented} de {total} localidades rurales representadas"));
        }

        return Measured(true, coverage, coverage,
            [
                Input("ruralLocalities", "localidades rurales del municipio", total),
                Input("ruralLocalitiesRepresented", "localidades rurales representadas", represented),
                Text("localities", "localidades rurales de los miembros", string.Join(", ", localities)),
            ]);
    }
}
