namespace Boards.Membership.Domain.Representativity;

/// <summary>The sector taxonomy in its fixed order: every per-sector array of the score is indexed like this.</summary>
public static class SectorTaxonomy
{
    /// <summary>Its size is the k of Blau and Shannon (9), whether or not every sector is present.</summary>
    public static IReadOnlyList<Sector> Sectors { get; } = Enum.GetValues<Sector>();

    public static int Count => Sectors.Count;

    public static int Index(Sector sector)
    {
        for (var i = 0; i < Sectors.Count; i++)
        {
            if (Sectors[i] == sector)
                return i;
        }

        throw new ArgumentOutOfRangeException(nameof(sector), sector, "Not in the taxonomy.");
    }
}
