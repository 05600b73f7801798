using Boards.Needs.Domain.Prioritization;

namespace Boards.Needs.Tests.Prioritization;

/// <summary>Hand-computed Borda counts (docs/needs.md shows the same cases).</summary>
public sealed class BordaCountTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    private static NeedForRanking Need(Guid id, int number, int people = 10, int severity = 1) => new(id, number, people, severity);

    private static Ballot Vote(string voter, params Guid[] ranking) => new(voter, ranking);

    [Fact]
    public void Four_needs_three_ballots_sum_their_positions()
    {
        // n = 4: 3, 2, 1, 0 points. A: 3+2+3 = 8, B: 2+3+1 = 6, C: 1+0+2 = 3, D: 0+1+0 = 1.
        var result = BordaCount.Rank(
            [Need(A, 1), Need(B, 2), Need(C, 3), Need(D, 4)],
            [Vote("v1", A, B, C, D), Vote("v2", B, A, D, C), Vote("v3", A, C, B, D)]);

        Assert.Equal([A, B, C, D], result.Ranking.Select(r => r.NeedId));
        Assert.Equal([8, 6, 3, 1], result.Ranking.Select(r => r.Points));
        Assert.Equal([1, 2, 3, 4], result.Ranking.Select(r => r.Rank));
        Assert.All(result.Ranking.Skip(1), r => Assert.Equal(DecidedBy.Points, r.DecidedBy));
        Assert.Equal(3, result.BallotsCounted);
    }

    [Fact]
    public void A_tie_on_points_goes_to_more_people_affected_times_severity()
    {
        // n = 3: 2, 1, 0. A: 2+1 = 3, B: 1+2 = 3, C: 0. Demand A = 100×2 = 200, B = 50×5 = 250: B first.
        var result = BordaCount.Rank(
            [Need(A, 1, people: 100, severity: 2), Need(B, 2, people: 50, severity: 5), Need(C, 3, people: 10, severity: 1)],
            [Vote("v1", A, B, C), Vote("v2", B, A, C)]);

        Assert.Equal([B, A, C], result.Ranking.Select(r => r.NeedId));
        Assert.Equal([3, 3, 0], result.Ranking.Select(r => r.Points));
        Assert.Equal([DecidedBy.First, DecidedBy.Demand, DecidedBy.Points], result.Ranking.Select(r => r.DecidedBy));
        Assert.Equal([250L, 200L, 10L], result.Ranking.Select(r => r.Demand));
        Assert.Contains("personas afectadas × severidad", result.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_ballots_give_nothing_to_what_they_leave_out_and_a_full_tie_goes_to_registration_order()
    {
        // n = 3. v1 ranks only C: C 2. v2 ranks A, B: A 2, B 1. A and C tie on 2 points and on demand 30: A was registered first.
        var result = BordaCount.Rank(
            [Need(A, 1, people: 15, severity: 2), Need(B, 2, people: 100, severity: 5), Need(C, 3, people: 10, severity: 3)],
            [Vote("v1", C), Vote("v2", A, B)]);

        Assert.Equal([A, C, B], result.Ranking.Select(r => r.NeedId));
        Assert.Equal([2, 2, 1], result.Ranking.Select(r => r.Points));
        Assert.Equal([DecidedBy.First, DecidedBy.RegistrationOrder, DecidedBy.Points], result.Ranking.Select(r => r.DecidedBy));
    }

    [Fact]
    public void Without_ballots_the_ranking_is_by_demand()
    {
        var result = BordaCount.Rank([Need(A, 1, people: 5, severity: 5), Need(B, 2, people: 40, severity: 1), Need(C, 3, people: 20, severity: 4)], []);

        Assert.Equal([C, B, A], result.Ranking.Select(r => r.NeedId));
        Assert.All(result.Ranking, r => Assert.Equal(0, r.Points));
        Assert.Equal(0, result.BallotsCounted);
    }

    [Fact]
    public void A_ballot_with_unknown_or_repeated_needs_is_refused_with_every_reason()
    {
        var needs = new[] { Need(A, 1), Need(B, 2) };

        var errors = BordaCount.Validate(needs, Vote("v1", A, D, A));
        var empty = BordaCount.Validate(needs, Vote("v2"));

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("no es de esta ronda", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("aparece 2 veces", StringComparison.Ordinal));
        Assert.Single(empty);
        Assert.Throws<ArgumentException>(() => BordaCount.Rank(needs, [Vote("v1", A, A)]));
    }
}
