namespace Boards.Needs.Domain.Assessment;

/// <summary>
/// One board member's ranking of the round's needs, most urgent first (it may leave some out). A member has one ballot
/// per round; casting again replaces it while the round is open.
/// </summary>
public sealed class NeedBallot
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RoundId { get; init; }
    /// <summary>The member's id in the board roster (Membership).</summary>
    public Guid MemberId { get; init; }
    public required string MemberName { get; set; }
    public List<Guid> Ranking { get; set; } = [];
    public DateTimeOffset CastAt { get; set; }
    public required string CastBy { get; set; }
}
