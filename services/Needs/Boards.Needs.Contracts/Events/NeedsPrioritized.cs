namespace Boards.Needs.Contracts.Events;

/// <summary>
/// A needs assessment round was closed: its ranking (Borda count of the board members' ballots) is frozen. Published
/// once per round; RoundId identifies it.
/// </summary>
public sealed record NeedsPrioritized
{
    public required Guid RoundId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>The round's period, e.g. "2026", "2026-S2" or "2026-T3".</summary>
    public required string Period { get; init; }
    public required int BallotCount { get; init; }
    /// <summary>The rule in Spanish, as shown to the board (points per position and the tie-break).</summary>
    public required string Rule { get; init; }
    /// <summary>Rank 1 first.</summary>
    public required IReadOnlyList<PrioritizedNeed> Ranking { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record PrioritizedNeed
{
    public required int Rank { get; init; }
    public required Guid NeedId { get; init; }
    /// <summary>A need category code, e.g. "food_security".</summary>
    public required string Category { get; init; }
    public required string Locality { get; init; }
    /// <summary>children, adolescents, elderly, women_heads_of_household, indigenous, persons_with_disability.</summary>
    public required string PopulationGroup { get; init; }
    public required int PeopleAffected { get; init; }
    public required int Severity { get; init; }
    public required int Points { get; init; }
    /// <summary>points, people_x_severity or registration_order: what decided this need's place against the next one.</summary>
    public required string DecidedBy { get; init; }
}
