namespace Boards.Needs.Domain.Assessment;

public enum PopulationGroup
{
    Children,
    Adolescents,
    Elderly,
    WomenHeadsOfHousehold,
    Indigenous,
    PersonsWithDisability,
}

public enum EvidenceSource
{
    Survey,
    BoardSession,
    ServiceDay,
    ReferralStatistics,
}

/// <summary>A need recorded in a round: who (population group, where) needs what (category), how many and how badly.</summary>
public sealed class Need
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RoundId { get; init; }
    /// <summary>1, 2, 3… in the order they were recorded: the last tie-break of the ranking.</summary>
    public int Number { get; init; }
    public required string Category { get; set; }
    public required string Locality { get; set; }
    public PopulationGroup PopulationGroup { get; set; }
    public int PeopleAffected { get; set; }
    /// <summary>1 (mild) to 5 (critical).</summary>
    public int Severity { get; set; }
    public EvidenceSource EvidenceSource { get; set; }
    public string? EvidenceNotes { get; set; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset? CorrectedAt { get; set; }
    public string? CorrectedBy { get; set; }
    /// <summary>Set when the round closes and never again.</summary>
    public int? FrozenRank { get; set; }
    public int? FrozenPoints { get; set; }
    public string? FrozenDecidedBy { get; set; }
}
