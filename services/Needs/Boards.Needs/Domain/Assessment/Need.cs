using Boards.Needs.Domain.Prioritization;

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

/// <summary>
/// A need recorded in a round: who (population group, where) needs what (category), how many and how badly. Only its
/// round records, corrects and freezes it (<see cref="AssessmentRound"/>).
/// </summary>
public sealed class Need
{
    private Need()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>1, 2, 3… in the order they were recorded: the last tie-break of the ranking.</summary>
    public int Number { get; private set; }
    public string Category { get; private set; } = "";
    public string Locality { get; private set; } = "";
    public PopulationGroup PopulationGroup { get; private set; }
    public int PeopleAffected { get; private set; }
    /// <summary>1 (mild) to 5 (critical).</summary>
    public int Severity { get; private set; }
    public EvidenceSource EvidenceSource { get; private set; }
    public string? EvidenceNotes { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset? CorrectedAt { get; private set; }
    public string? CorrectedBy { get; private set; }
    /// <summary>Set when the round closes and never again.</summary>
    public int? FrozenRank { get; private set; }
    public int? FrozenPoints { get; private set; }
    public string? FrozenDecidedBy { get; private set; }

    internal static Need Record(Guid roundId, int number, ValidNeed fields, string recordedBy, DateTimeOffset recordedAt)
    {
        var need = new Need
        {
            Id = Guid.CreateVersion7(),
            RoundId = roundId,
            Number = number,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
        };
        need.Apply(fields);
        return need;
    }

    internal void Correct(ValidNeed fields, string correctedBy, DateTimeOffset correctedAt)
    {
        Apply(fields);
        CorrectedAt = correctedAt;
        CorrectedBy = correctedBy;
    }

    internal void Freeze(RankedNeed ranked)
    {
        FrozenRank = ranked.Rank;
        FrozenPoints = ranked.Points;
        FrozenDecidedBy = ranked.DecidedBy.Code();
    }

    internal NeedForRanking ForRanking() => new(Id, Number, PeopleAffected, Severity);

    private void Apply(ValidNeed fields)
    {
        Category = fields.Category;
        Locality = fields.Locality;
        PopulationGroup = fields.PopulationGroup;
        PeopleAffected = fields.PeopleAffected;
        Severity = fields.Severity;
        EvidenceSource = fields.EvidenceSource;
        EvidenceNotes = fields.EvidenceNotes;
    }
}
