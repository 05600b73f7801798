using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Tests.Domain.OpenData;

/// <summary>
/// The attacker (<see cref="CohortAttacker"/>) takes everything published about a month — cells, totals, the rate, the
/// median's status — and solves for every count it did not get. Against what <see cref="CohortSuppression"/> publishes it
/// never pins a small count (1 to threshold − 1) to one value, over thousands of random months; against weaker rules
/// (the controls) the same attacker recovers the hidden cell exactly, which shows it is a real attacker.
/// </summary>
public sealed class ReconstructionAttackTests
{
    /// <summary>What the month publishes about the closed counts: the counter-referral median's status (its count is the closed total).</summary>
    private static Figure CounterMedian(DisclosureThreshold threshold, int closed) => threshold.Median(closed == 0 ? null : 86_400, closed);

    /// <summary>Every small count of the table that the attacker pins to a single value; empty when the attack fails.</summary>
    private static List<string> Solved(IReadOnlyList<CohortRow> table, DisclosureThreshold threshold, PublishedCohort published)
    {
        var rows = table.Where(r => r.Sent > 0).OrderBy(r => r.Category, StringComparer.Ordinal).ToList();
        var closed = rows.Sum(r => r.Closed);
        // Where no published total bounds the search, it stops a little past the truth: a smaller space only helps the attacker.
        var solution = new CohortAttacker(threshold, bound: rows.Sum(r => r.Sent) + 3).Solve(published, CounterMedian(threshold, closed));
        var solved = new List<string>();

        void Check(string name, SortedSet<int> possible, int truth)
        {
            Assert.True(possible.Contains(truth), $"The truth must fit: {name} = {truth}, attacker found {string.Join(",", possible)}.");
            if (threshold.IsSmall(truth) && possible.Count == 1)
            {
                solved.Add($"{name} = {truth}");
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            Check($"{rows[i].Category}.Sent", solution.Rows[i][CohortAttacker.Cell.Sent], rows[i].Sent);
            Check($"{rows[i].Category}.Closed", solution.Rows[i][CohortAttacker.Cell.Closed], rows[i].Closed);
            Check($"{rows[i].Category}.NotClosed", solution.Rows[i][CohortAttacker.Cell.NotClosed], rows[i].NotClosed);
        }

        Check("sent", solution.Sent, rows.Sum(r => r.Sent));
        Check("closed", solution.Closed, closed);
        Check("not closed", solution.NotClosed, rows.Sum(r => r.NotClosed));
        Check("cancelled", solution.Cancelled, rows.Sum(r => r.Cancelled));
        return solved;
    }

    private static List<CohortRow> RandomMonth(Random random)
    {
        var categories = random.Next(1, 6);
        return Enumerable.Range(0, categories).Select(i =>
        {
            // Mostly small categories, where suppression has work to do, and some large ones.
            var sent = random.Next(4) == 0 ? random.Next(1, 25) : random.Next(1, 8);
            var closed = random.Next(0, sent + 1);
            var cancelled = random.Next(0, sent - closed + 1);
            return new CohortRow($"cat{i}", sent, closed, cancelled);
        }).ToList();
    }

    [Theory]
    [InlineData(5, 20261207, 1500)]
    [InlineData(3, 7, 400)]
    [InlineData(10, 11, 400)]
    public void The_attacker_never_solves_a_small_count_of_a_published_month(int value, int seed, int months)
    {
        var threshold = new DisclosureThreshold(value);
        var random = new Random(seed);
        var withheld = 0;
        for (var n = 0; n < months; n++)
        {
            var table = RandomMonth(random);
            var published = CohortSuppression.Apply(table, threshold);
            withheld += published.Rows.Count(r => r.Sent.Status == FigureStatus.Suppressed);

            var solved = Solved(table, threshold, published);

            Assert.True(solved.Count == 0,
                $"Month {n} ({string.Join("; ", table)}) gave away: {string.Join(", ", solved)}.");
        }

        // The random months did make the rules work (a test of nothing would pass too).
        Assert.True(withheld > months / 2, $"Only {withheld} rows withheld in {months} months.");
    }

    [Fact]
    public void A_month_with_a_small_category_among_published_ones_keeps_it_hidden()
    {
        var threshold = new DisclosureThreshold(5);
        CohortRow[] table = [new("salud", 20, 12, 0), new("violencia", 1, 0, 0), new("educacion", 9, 5, 0), new("empleo", 30, 15, 5)];
        var published = CohortSuppression.Apply(table, threshold);

        Assert.Equal(FigureStatus.Suppressed, Assert.Single(published.Rows, r => r.Category == "violencia").Sent.Status);
        var row = published.Rows.ToList().FindIndex(r => r.Category == "violencia");
        var possible = new CohortAttacker(threshold, bound: 63).Solve(published, CounterMedian(threshold, 32)).Rows[row][CohortAttacker.Cell.Sent];
        // From the totals the attacker learns only that violencia and its partner share 10 referrals: 1 to 9 each.
        Assert.Equal(Enumerable.Range(1, 9), possible);
        Assert.Empty(Solved(table, threshold, published));
    }

    [Fact]
    public void Control_withholding_only_the_small_cells_lets_the_attacker_recover_them()
    {
        var threshold = new DisclosureThreshold(5);
        CohortRow[] table = [new("salud", 20, 10, 0), new("violencia", 3, 0, 0), new("empleo", 30, 15, 0)];
        var published = CohortSuppression.Apply(table, threshold) with
        {
            Rows = table.OrderBy(r => r.Category, StringComparer.Ordinal)
                .Select(r => threshold.IsSmall(r.Sent) || threshold.IsSmall(r.NotClosed) || threshold.IsSmall(r.Closed)
                    ? new PublishedCohortRow(r.Category, Figure.Suppressed, Figure.Suppressed)
                    : new PublishedCohortRow(r.Category, Figure.Of(r.Sent), Figure.Of(r.Closed)))
                .ToList(),
        };

        Assert.Equal(["violencia.Sent = 3", "violencia.NotClosed = 3"], Solved(table, threshold, published));
    }

    [Fact]
    public void Control_two_withheld_cells_that_sum_under_the_threshold_are_recovered()
    {
        var threshold = new DisclosureThreshold(5);
        CohortRow[] table = [new("a", 1, 0, 0), new("b", 1, 0, 0), new("c", 10, 5, 0), new("d", 40, 20, 0)];
        // Only the two small rows withheld: the rule that the withheld sum must reach the threshold is left out.
        var published = CohortSuppression.Apply(table, threshold) with
        {
            Rows =
            [
                new("a", Figure.Suppressed, Figure.Suppressed), new("b", Figure.Suppressed, Figure.Suppressed),
                new("c", Figure.Of(10), Figure.Of(5)), new("d", Figure.Of(40), Figure.Of(20)),
            ],
        };

        Assert.Contains("a.Sent = 1", Solved(table, threshold, published));
    }

    [Fact]
    public void Control_suppressing_each_column_on_its_own_gives_a_cell_away_through_closed_at_most_sent()
    {
        var threshold = new DisclosureThreshold(5);
        // Sent 7 and 1; all 7 of the first closed. The sent column alone withholds both; the closed column alone
        // shows 7 and 0, and closed ≤ sent then leaves 1 for the small one.
        CohortRow[] table = [new("a", 7, 7, 0), new("b", 1, 0, 0)];
        var published = new PublishedCohort(
            [new("a", Figure.Suppressed, Figure.Of(7)), new("b", Figure.Suppressed, Figure.Of(0))],
            Figure.Of(8), Figure.Of(7), Figure.Suppressed);

        Assert.Contains("b.Sent = 1", Solved(table, threshold, published));
        // What the rules publish instead: both rows whole, withheld; the attacker gets nowhere.
        Assert.Empty(Solved(table, threshold, CohortSuppression.Apply(table, threshold)));
    }
}
