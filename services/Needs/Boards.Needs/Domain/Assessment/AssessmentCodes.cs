using Boards.Needs.Domain.Prioritization;

namespace Boards.Needs.Domain.Assessment;

/// <summary>The snake_case codes people and clients use for the assessment's enums (JSON, events, storage), and their Spanish.</summary>
public static class AssessmentCodes
{
    public static readonly IReadOnlyDictionary<string, PopulationGroup> Groups = new Dictionary<string, PopulationGroup>(StringComparer.Ordinal)
    {
        ["children"] = PopulationGroup.Children,
        ["adolescents"] = PopulationGroup.Adolescents,
        ["elderly"] = PopulationGroup.Elderly,
        ["women_heads_of_household"] = PopulationGroup.WomenHeadsOfHousehold,
        ["indigenous"] = PopulationGroup.Indigenous,
        ["persons_with_disability"] = PopulationGroup.PersonsWithDisability,
    };

    public static readonly IReadOnlyDictionary<string, EvidenceSource> Sources = new Dictionary<string, EvidenceSource>(StringComparer.Ordinal)
    {
        ["survey"] = EvidenceSource.Survey,
        ["board_session"] = EvidenceSource.BoardSession,
        ["service_day"] = EvidenceSource.ServiceDay,
        ["referral_statistics"] = EvidenceSource.ReferralStatistics,
    };

    public static string Code(this PopulationGroup group) => Groups.Single(g => g.Value == group).Key;

    public static string Code(this EvidenceSource source) => Sources.Single(s => s.Value == source).Key;

    public static string Code(this RoundStatus status) => status == RoundStatus.Open ? "open" : "closed";

    public static string Code(this DecidedBy decidedBy) => decidedBy switch
    {
        DecidedBy.First => "first",
        DecidedBy.Points => "points",
        DecidedBy.Demand => "people_x_severity",
        _ => "registration_order",
    };

    /// <summary>Why a need sits below the one above it, as the board reads it.</summary>
    public static string Explain(string decidedByCode) => decidedByCode switch
    {
        "first" => "Primer lugar.",
        "points" => "Menos puntos que la anterior.",
        "people_x_severity" => "Empate en puntos: menos personas afectadas × severidad que la anterior.",
        _ => "Empate en puntos y en personas × severidad: se registró después que la anterior.",
    };
}
