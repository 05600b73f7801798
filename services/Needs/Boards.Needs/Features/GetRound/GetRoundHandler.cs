namespace Boards.Needs.Features.GetRound;

/// <summary>One round with its needs, ballots and ranking, within the caller's scope.</summary>
public sealed class GetRoundHandler(RoundStore rounds)
{
    public Task<AssessmentRound> HandleAsync(Guid roundId, Caller caller, CancellationToken ct) => rounds.ReadAsync(roundId, caller, ct);
}
