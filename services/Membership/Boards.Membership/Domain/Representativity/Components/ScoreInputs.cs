namespace Boards.Membership.Domain.Representativity.Components;

/// <summary>An active voting member and how much they count (1 on the roster; their attendance when weighted by it).</summary>
internal sealed record WeightedMember(RepresentativityMember Member, double Weight);

/// <summary>What every component measures: the weighted members, their total, their amount per sector and the policy.</summary>
internal sealed class ScoreInputs
{
    public ScoreInputs(IReadOnlyList<WeightedMember> members, MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        Members = members;
        Municipality = municipality;
        Policy = policy;
        Counted = members.Sum(m => m.Weight);
        SectorAmounts = SectorTaxonomy.Sectors.Select(s => WeightOf(m => m.Sector == s)).ToArray();
    }

    public IReadOnlyList<WeightedMember> Members { get; }

    public MunicipalityContext Municipality { get; }

    public RepresentativityPolicy Policy { get; }

    /// <summary>n: the total weight of the members measured.</summary>
    public double Counted { get; }

    /// <summary>The weight of each sector, in <see cref="SectorTaxonomy"/> order.</summary>
    public double[] SectorAmounts { get; }

    /// <summary>The total weight of the members that match.</summary>
    public double WeightOf(Func<RepresentativityMember, bool> predicate) =>
        Members.Where(m => predicate(m.Member)).Sum(m => m.Weight);
}
