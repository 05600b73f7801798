namespace Boards.Needs.Features.GetRanking;

/// <summary>A round's order of priorities and the rule that produces it: live while open, frozen once closed.</summary>
public sealed class GetRankingHandler(RoundStore rounds)
{
    public async Task<RankingView> HandleAsync(Guid roundId, Caller caller, CancellationToken ct) =>
        RoundRanking.Of(await rounds.ReadAsync(roundId, caller, ct));
}
