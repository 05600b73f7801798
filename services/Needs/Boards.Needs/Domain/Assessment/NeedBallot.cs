namespace Boards.Needs.Domain.Assessment;

/// <summary>
/// One board member's ranking of the round's needs, most urgent first (it may leave some out). A member has one ballot
/// per round; casting again replaces it while the round is open (<see cref="AssessmentRound.CastBallot"/>).
/// </summary>
public sealed class NeedBallot
{
    private NeedBallot()
    {
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>The member's id in the board roster (Membership).</summary>
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; } = "";
    public List<Guid> Ranking { get; private set; } = [];
    public DateTimeOffset CastAt { get; private set; }
    public string CastBy { get; private set; } = "";

    internal static NeedBallot For(Guid roundId, Guid memberId) => new() { Id = Guid.CreateVersion7(), RoundId = roundId, MemberId = memberId };

    internal void Record(string memberName, IReadOnlyList<Guid> ranking, string castBy, DateTimeOffset castAt)
    {
        MemberName = memberName;
        Ranking = ranking.ToList();
        CastAt = castAt;
        CastBy = castBy;
    }
}
