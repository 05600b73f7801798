using Boards.Needs.Contracts.Prioritization;

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
