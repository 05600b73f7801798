using Boards.Needs.Domain.Assessment;
using Boards.Needs.Domain.Prioritization;

namespace Boards.Needs.Features.Assessment;

public sealed record RankingItemView(
    int Rank, Guid NeedId, int Number, string Category, string Locality, string PopulationGroup, int PeopleAffected,
    int Severity, long PeopleTimesSeverity, int Points, string DecidedBy, string Explanation);

/// <summary>The round's ranking: live (from the ballots so far) while open, frozen once closed.</summary>
public sealed record RankingView(bool Frozen, int BallotsCounted, string Rule, IReadOnlyList<RankingItemView> Items);

/// <summary>Computes the live Borda ranking of a round, and freezes it into the round's needs when it closes.</summary>
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

        var result = Count(round);
        var needs = round.Needs.ToDictionary(n => n.Id);
        var items = result.Ranking.Select(r => Item(needs[r.NeedId], r.Rank, r.Points, r.DecidedBy.Code())).ToList();
        return new RankingView(false, result.BallotsCounted, result.Rule, items);
    }

    public static void Freeze(AssessmentRound round)
    {
        var result = Count(round);
        var needs = round.Needs.ToDictionary(n => n.Id);
        foreach (var ranked in result.Ranking)
        {
            var need = needs[ranked.NeedId];
            need.FrozenRank = ranked.Rank;
            need.FrozenPoints = ranked.Points;
            need.FrozenDecidedBy = ranked.DecidedBy.Code();
        }

        round.FrozenRule = result.Rule;
        round.FrozenBallotCount = result.BallotsCounted;
    }

    private static BordaResult Count(AssessmentRound round)
    {
        var needs = round.Needs.Select(n => new NeedForRanking(n.Id, n.Number, n.PeopleAffected, n.Severity)).ToList();
        // A ballot may name a need that no longer counts only if data were edited by hand; the API never allows it.
        var ballots = round.Ballots.OrderBy(b => b.CastAt).Select(b => new Ballot(b.MemberId.ToString(), b.Ranking)).ToList();
        return BordaCount.Rank(needs, ballots);
    }

    private static RankingItemView Item(Need need, int rank, int points, string decidedBy) => new(
        rank, need.Id, need.Number, need.Category, need.Locality, need.PopulationGroup.Code(), need.PeopleAffected, need.Severity,
        (long)need.PeopleAffected * need.Severity, points, decidedBy, AssessmentCodes.Explain(decidedBy));
}
