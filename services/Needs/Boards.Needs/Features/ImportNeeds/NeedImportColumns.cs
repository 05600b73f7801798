using static Boards.BuildingBlocks.Import.ImportText;

namespace Boards.Needs.Features.ImportNeeds;

/// <summary>The Spanish columns and values of a needs import file (docs/needs-import.md).</summary>
public static class NeedImportColumns
{
    public const string Category = "categoria";
    public const string Locality = "localidad";
    public const string PopulationGroup = "grupo_poblacional";
    public const string PeopleAffected = "personas_afectadas";
    public const string Severity = "severidad";
    public const string EvidenceSource = "fuente_evidencia";
    public const string Notes = "notas";

    public static readonly ImportColumns Columns = new(
        [Category, Locality, PopulationGroup, PeopleAffected, Severity, EvidenceSource, Notes],
        [Category, Locality, PopulationGroup, PeopleAffected, Severity, EvidenceSource],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["categoria_de_necesidad"] = Category,
            ["necesidad"] = Category,
            ["comunidad"] = Locality,
            ["barrio"] = Locality,
            ["grupo"] = PopulationGroup,
            ["grupo_de_poblacion"] = PopulationGroup,
            ["poblacion"] = PopulationGroup,
            ["personas"] = PeopleAffected,
            ["cantidad_de_personas"] = PeopleAffected,
            ["gravedad"] = Severity,
            ["fuente"] = EvidenceSource,
            ["fuente_de_evidencia"] = EvidenceSource,
            ["fuente_de_la_evidencia"] = EvidenceSource,
            ["notas_de_evidencia"] = Notes,
            ["observaciones"] = Notes,
        });

    /// <summary>The column of each NeedValidator field, so its errors land on the right column.</summary>
    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["category"] = Category,
        ["locality"] = Locality,
        ["populationGroup"] = PopulationGroup,
        ["peopleAffected"] = PeopleAffected,
        ["severity"] = Severity,
        ["evidenceSource"] = EvidenceSource,
        ["evidenceNotes"] = Notes,
    };

    public static readonly IReadOnlyDictionary<string, Domain.Assessment.PopulationGroup> Groups = Spellings(
        (Domain.Assessment.PopulationGroup.Children, ["ninez", "ninas_y_ninos", "ninos", "children"]),
        (Domain.Assessment.PopulationGroup.Adolescents, ["adolescencia", "adolescentes", "adolescents"]),
        (Domain.Assessment.PopulationGroup.Elderly, ["personas_mayores", "adultos_mayores", "elderly"]),
        (Domain.Assessment.PopulationGroup.WomenHeadsOfHousehold, ["mujeres_jefas_de_hogar", "jefas_de_hogar", "women_heads_of_household"]),
        (Domain.Assessment.PopulationGroup.Indigenous, ["pueblos_indigenas", "indigenas", "pueblo_indigena", "indigenous"]),
        (Domain.Assessment.PopulationGroup.PersonsWithDisability, ["personas_con_discapacidad", "discapacidad", "persons_with_disability"]));

    public static readonly IReadOnlyDictionary<string, Domain.Assessment.EvidenceSource> Sources = Spellings(
        (Domain.Assessment.EvidenceSource.Survey, ["encuesta", "survey"]),
        (Domain.Assessment.EvidenceSource.BoardSession, ["sesion_de_la_mesa", "sesion", "board_session"]),
        (Domain.Assessment.EvidenceSource.ServiceDay, ["jornada_de_servicios", "jornada", "service_day"]),
        (Domain.Assessment.EvidenceSource.ReferralStatistics, ["estadisticas_de_referencias", "referencias", "referral_statistics"]));
}
