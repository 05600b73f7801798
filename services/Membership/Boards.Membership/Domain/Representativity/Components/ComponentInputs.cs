using System.Globalization;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>The numbers shown with a component, so that it can be recomputed by hand (invariant culture, 4 decimals).</summary>
internal static class ComponentInputs
{
    public static ComponentInput Input(string name, string label, double value) =>
        new(name, label, R4(value).ToString(CultureInfo.InvariantCulture));

    public static ComponentInput Input(string name, string label, decimal value) =>
        new(name, label, R4(value).ToString(CultureInfo.InvariantCulture));

    public static ComponentInput Input(string name, string label, int value) =>
        new(name, label, value.ToString(CultureInfo.InvariantCulture));

    public static ComponentInput Text(string name, string label, string value) => new(name, label, value);

    /// <summary>n[sector] and p[sector] for every sector of the taxonomy.</summary>
    public static List<ComponentInput> SectorAmounts(double[] amounts)
    {
        var shares = Diversity.Shares(amounts);
        var inputs = new List<ComponentInput>();
        for (var i = 0; i < SectorTaxonomy.Count; i++)
        {
            var sector = SectorTaxonomy.Sectors[i];
            inputs.Add(Input("n[" + sector + "]", "miembros " + SpanishText.SectorName(sector), amounts[i]));
            inputs.Add(Input("p[" + sector + "]", "proporción " + SpanishText.SectorName(sector), shares[i]));
        }

        return inputs;
    }
}
