using Boards.Needs.Domain.Prioritization;

namespace Boards.Needs.Features.Common;

public sealed record RankingItemView(
    int Rank, Guid NeedId, int Number, string Category, string Locality, string PopulationGroup, int PeopleAffected,
    int Severity, long PeopleTimesSeverity, int Points, string DecidedBy, string Explanation);

/// <summary>The round's ranking: live (from the ballots so far) while open, frozen once closed.</summary>
public sealed record RankingView(bool Frozen, int BallotsCounted, string Rule, IReadOnlyList<RankingItemView> Items);

/// <summary>Shows a round's ranking: the live Borda count while it is open, the ranking frozen into its needs once closed.</summary>
public static class RoundRanking
{
    public static RankingView Of(AssessmentRound round)
    {
        if (round.Status == RoundStatus.Closed)
        {
            var frozen = round.Needs.OrderBy(n => n.FrozenRank)
                .Select(n => Item(n, n.FrozenRank!.Value, n.FrozenPoints!.Value, n.FrozenDecidedBy!)).ToList();
            return new RankingView(true, round.FrozenBallotCount ?? 0, round.FrozenRule ?? BordaCount.Rule, frozen);
        }

        var result = round.CountBallots();
        var needs = round.Needs.ToDictionary(n => n.Id);
        var items = result.Ranking.Select(r => Item(needs[r.NeedId], r.Rank, r.Points, r.DecidedBy.Code())).ToList();
        return new RankingView(false, result.BallotsCounted, result.Rule, items);
    }

    private static RankingItemView Item(Need need, int rank, int points, string decidedBy) => new(
        rank, need.Id, need.Number, need.Category, need.Locality, need.PopulationGroup.Code(), need.PeopleAffected, need.Severity,
        (long)need.PeopleAffected * need.Severity, points, decidedBy, AssessmentCodes.Explain(decidedBy));
}
