using Boards.BuildingBlocks.Import;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>
/// The Spanish columns and values of a member import file (docs/member-import.md). Headers and values are compared
/// normalized: lowercase, without accents, blanks and hyphens as '_'. Each value has synonyms, and the English codes of
/// the REST API are accepted too.
/// </summary>
public static class MemberImportColumns
{
    public const string Name = "nombre";
    public const string Organization = "institucion";
    public const string Sector = "sector";
    public const string Gender = "genero";
    public const string AgeBand = "franja_edad";
    public const string Area = "area";
    public const string Locality = "localidad";
    public const string Indigenous = "indigena";
    public const string Disability = "discapacidad";
    public const string Position = "cargo";
    public const string Voting = "con_voto";
    public const string DesignatedOn = "fecha_designacion";

    public static readonly IReadOnlyList<string> Required = [Name, Organization, Sector, Gender, AgeBand, Area, Locality, DesignatedOn];
    public static readonly IReadOnlyList<string> Optional = [Indigenous, Disability, Position, Voting];
    public static readonly IReadOnlyList<string> All = [Name, Organization, Sector, Gender, AgeBand, Area, Locality, Indigenous, Disability, Position, Voting, DesignatedOn];

    /// <summary>Other spellings of the headers (already normalized).</summary>
    public static readonly IReadOnlyDictionary<string, string> HeaderSynonyms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nombre_y_apellido"] = Name,
        ["nombre_completo"] = Name,
        ["persona"] = Name,
        ["institucion_u_organizacion"] = Organization,
        ["organizacion"] = Organization,
        ["entidad"] = Organization,
        ["franja_de_edad"] = AgeBand,
        ["edad"] = AgeBand,
        ["zona"] = Area,
        ["territorio"] = Area,
        ["comunidad"] = Locality,
        ["compania_o_barrio"] = Locality,
        ["persona_con_discapacidad"] = Disability,
        ["posicion"] = Position,
        ["voto"] = Voting,
        ["vota"] = Voting,
        ["fecha_de_designacion"] = DesignatedOn,
        ["designacion"] = DesignatedOn,
    };

    public static readonly IReadOnlyDictionary<string, Sector> Sectors = Map(
        (Domain.Sector.LocalGovernment, ["gobierno_local", "municipalidad", "municipio", "local_government"]),
        (Domain.Sector.NationalInstitution, ["institucion_nacional", "gobierno_nacional", "national_institution"]),
        (Domain.Sector.Governorate, ["gobernacion", "gobierno_departamental", "governorate"]),
        (Domain.Sector.CivilSocietyOrganization, ["sociedad_civil", "organizacion_de_la_sociedad_civil", "osc", "civil_society_organization"]),
        (Domain.Sector.CommunityOrganization, ["organizacion_comunitaria", "comunitaria", "community_organization"]),
        (Domain.Sector.IndigenousCommunity, ["comunidad_indigena", "indigena", "pueblo_indigena", "indigenous_community"]),
        (Domain.Sector.PrivateSector, ["sector_privado", "privado", "empresa", "private_sector"]),
        (Domain.Sector.Academia, ["academia", "universidad", "academico"]),
        (Domain.Sector.Other, ["otro", "otros", "other"]));

    public static readonly IReadOnlyDictionary<string, Gender> Genders = Map(
        (Domain.Gender.Female, ["mujer", "femenino", "femenina", "f", "female"]),
        (Domain.Gender.Male, ["hombre", "masculino", "varon", "m", "male"]),
        (Domain.Gender.Other, ["otro", "otra", "other"]));

    public static readonly IReadOnlyDictionary<string, AgeBand> AgeBands = Map(
        (Domain.AgeBand.Youth, ["joven", "jovenes", "15_29", "youth"]),
        (Domain.AgeBand.Adult, ["adulto", "adulta", "30_64", "adult"]),
        (Domain.AgeBand.Senior, ["mayor", "adulto_mayor", "adulta_mayor", "65+", "65_o_mas", "senior"]));

    public static readonly IReadOnlyDictionary<string, Area> Areas = Map(
        (Domain.Area.Urban, ["urbana", "urbano", "urban"]),
        (Domain.Area.Rural, ["rural"]));

    public static readonly IReadOnlyDictionary<string, Position> Positions = Map(
        (Domain.Position.Chair, ["presidente", "presidenta", "presidencia", "chair"]),
        (Domain.Position.Secretary, ["secretario", "secretaria", "secretary"]),
        (Domain.Position.Member, ["miembro", "integrante", "member"]));

    /// <summary>Spellings of focal point, refused with their own message: the focal point is appointed, not imported.</summary>
    public static readonly IReadOnlySet<string> FocalPointSpellings = new HashSet<string>(StringComparer.Ordinal) { "punto_focal", "focal_point", "focal" };

    public static readonly IReadOnlyDictionary<string, bool> Booleans = Map(
        (true, ["si", "s", "yes", "true", "1", "x"]),
        (false, ["no", "n", "false", "0"]));

    /// <summary>Lowercase, without accents (ñ stays), blanks and hyphens as '_'.</summary>
    public static string Normalize(string value) => ImportText.Normalize(value, keepEnye: true);

    /// <summary>The first Spanish code of each value, as the messages list them.</summary>
    public static string Accepted<T>(IReadOnlyDictionary<string, T> values) where T : notnull => ImportText.Accepted(values);

    private static Dictionary<string, T> Map<T>(params (T Value, string[] Spellings)[] entries) where T : notnull =>
        entries.SelectMany(e => e.Spellings.Select(s => (s, e.Value))).ToDictionary(p => p.s, p => p.Value, StringComparer.Ordinal);
}
