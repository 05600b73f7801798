namespace Boards.Needs.Domain.Assessment;

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>
/// A needs assessment round (diagnóstico) of one municipality for one period: the board records the needs, each member
/// ranks them, and closing the round freezes the Borda ranking. Version grows with every change, so that a ballot cast
/// while someone closes the round cannot slip in after it.
/// </summary>
public sealed class AssessmentRound
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string MunicipalityCode { get; init; }
    /// <summary>"2026", "2026-S2" (semester), "2026-T3" (quarter) or "2026-07" (month); unique per municipality.</summary>
    public required string Period { get; init; }
    public string? Title { get; set; }
    public RoundStatus Status { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset OpenedAt { get; init; }
    public required string OpenedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>The rule text and ballot count at closing, kept with the frozen ranking (see <see cref="Need.FrozenRank"/>).</summary>
    public string? FrozenRule { get; set; }
    public int? FrozenBallotCount { get; set; }
    public List<Need> Needs { get; init; } = [];
    public List<NeedBallot> Ballots { get; init; } = [];
}
