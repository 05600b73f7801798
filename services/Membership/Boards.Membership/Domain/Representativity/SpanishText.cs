using System.Globalization;

namespace Boards.Membership.Domain.Representativity;

/// <summary>Spanish wording of sectors, percentages and indices in gaps and labels.</summary>
public static class SpanishText
{
    /// <summary>Plural or mass noun of the sector, as in "sin organizaciones comunitarias".</summary>
    public static string SectorName(Sector sector) => sector switch
    {
        Sector.LocalGovernment => "gobierno local",
        Sector.NationalInstitution => "instituciones nacionales",
        Sector.Governorate => "gobernación",
        Sector.CivilSocietyOrganization => "organizaciones de la sociedad civil",
        Sector.CommunityOrganization => "organizaciones comunitarias",
        Sector.IndigenousCommunity => "comunidades indígenas",
        Sector.PrivateSector => "sector privado",
        Sector.Academia => "academia",
        Sector.Other => "otros sectores",
        _ => sector.ToString(),
    };

    /// <summary>The sector as the subject of "concentra(n)", with its article and verb agreement.</summary>
    public static string SectorConcentrates(Sector sector) => sector switch
    {
        Sector.LocalGovernment => "el gobierno local concentra",
        Sector.NationalInstitution => "las instituciones nacionales concentran",
        Sector.Governorate => "la gobernación concentra",
        Sector.CivilSocietyOrganization => "las organizaciones de la sociedad civil concentran",
        Sector.CommunityOrganization => "las organizaciones comunitarias concentran",
        Sector.IndigenousCommunity => "las comunidades indígenas concentran",
        Sector.PrivateSector => "el sector privado concentra",
        Sector.Academia => "la academia concentra",
        Sector.Other => "otros sectores concentran",
        _ => sector + " concentra",
    };

    /// <summary>A share as a percentage with at most one decimal and a decimal comma: 0.3 → "30%", 1/3 → "33,3%".</summary>
    public static string Percent(decimal share) =>
        Math.Round(share * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    /// <summary>An index with two decimals and a decimal comma: 0.8421 → "0,84".</summary>
    public static string Index(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
