using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Tests.Domain.OpenData;

/// <summary>The suppression rules of docs/open-data.md, one case each (threshold 5).</summary>
public sealed class CohortSuppressionTests
{
    private static readonly DisclosureThreshold Five = new(5);

    private static PublishedCohort Apply(params CohortRow[] rows) => CohortSuppression.Apply(rows, Five);

    private static PublishedCohortRow Row(PublishedCohort cohort, string category) => Assert.Single(cohort.Rows, r => r.Category == category);

    private static void Hidden(PublishedCohortRow row)
    {
        Assert.Equal(Figure.Suppressed, row.Sent);
        Assert.Equal(Figure.Suppressed, row.Closed);
    }

    [Fact]
    public void Nothing_small_publishes_every_cell_the_totals_and_the_rate()
    {
        var cohort = Apply(new("salud", 12, 6, 2), new("educacion", 9, 0, 0));

        Assert.Equal(Figure.Of(21), cohort.Sent);
        Assert.Equal(Figure.Of(6), cohort.Closed);
        Assert.Equal(Figure.Of(12), Row(cohort, "salud").Sent);
        Assert.Equal(Figure.Of(6), Row(cohort, "salud").Closed);
        Assert.Equal(Figure.Of(0), Row(cohort, "educacion").Closed);
        // The cancelled (2) are small: the rate 6 / (21 − 2) with the totals would give them away.
        Assert.Equal(Figure.Suppressed, cohort.ClosedLoopRate);
    }

    [Fact]
    public void The_rate_is_published_when_neither_the_cancelled_nor_the_rest_are_small()
    {
        var cohort = Apply(new("salud", 20, 10, 5), new("educacion", 10, 5, 0));

        Assert.Equal(Figure.Of(Indicators.ClosedLoopRate(15, 30, 5)!.Value), cohort.ClosedLoopRate);
        Assert.Equal(0.6, cohort.ClosedLoopRate.Value);
    }

    [Fact]
    public void A_small_category_is_withheld_with_the_next_smallest_so_the_total_does_not_give_it_away()
    {
        var cohort = Apply(new("salud", 20, 10, 0), new("vivienda", 3, 0, 0), new("educacion", 10, 5, 0), new("empleo", 30, 15, 0));

        Hidden(Row(cohort, "vivienda"));
        Hidden(Row(cohort, "educacion"));
        Assert.Equal(Figure.Of(20), Row(cohort, "salud").Sent);
        Assert.Equal(Figure.Of(30), Row(cohort, "empleo").Sent);
        Assert.Equal(Figure.Of(63), cohort.Sent);
        Assert.Equal(Figure.Of(30), cohort.Closed);
    }

    [Fact]
    public void A_row_with_a_small_closed_or_not_closed_count_is_withheld_whole()
    {
        // salud: 2 closed; empleo: 12 sent, 10 closed, so 2 not closed. Both small, though no sent cell is.
        var cohort = Apply(new("salud", 9, 2, 0), new("empleo", 12, 10, 0), new("educacion", 20, 10, 0));

        Hidden(Row(cohort, "salud"));
        Hidden(Row(cohort, "empleo"));
        Assert.Equal(Figure.Of(20), Row(cohort, "educacion").Sent);
    }

    [Fact]
    public void Two_small_categories_whose_sum_is_small_take_a_third_with_them()
    {
        // Withheld 1 and 1 with the total published would both be 1: their sum must reach the threshold.
        var cohort = Apply(new("a", 1, 0, 0), new("b", 1, 0, 0), new("c", 10, 5, 0), new("d", 40, 20, 0));

        Hidden(Row(cohort, "a"));
        Hidden(Row(cohort, "b"));
        Hidden(Row(cohort, "c"));
        Assert.Equal(Figure.Of(40), Row(cohort, "d").Sent);
    }

    [Fact]
    public void A_small_sent_total_withholds_the_whole_month()
    {
        var cohort = Apply(new("salud", 3, 1, 0), new("vivienda", 1, 0, 0));

        Assert.All(cohort.Rows, Hidden);
        Assert.Equal(Figure.Suppressed, cohort.Sent);
        Assert.Equal(Figure.Suppressed, cohort.Closed);
        Assert.Equal(Figure.Suppressed, cohort.ClosedLoopRate);
    }

    [Fact]
    public void A_small_closed_or_not_closed_total_withholds_the_closed_column_and_the_rate()
    {
        // 3 of 40 closed: the closed column would say 3.
        var cohort = Apply(new("salud", 20, 3, 0), new("empleo", 20, 0, 0));

        Assert.Equal(Figure.Of(40), cohort.Sent);
        Assert.Equal(Figure.Suppressed, cohort.Closed);
        Assert.Equal(Figure.Suppressed, cohort.ClosedLoopRate);
        Assert.All(cohort.Rows, r => Assert.Equal(Figure.Suppressed, r.Closed));
        Assert.Equal(Figure.Of(20), Row(cohort, "salud").Sent);
    }

    [Fact]
    public void When_even_every_row_together_is_not_enough_the_totals_go_too()
    {
        // Five categories of one referral each: 5 in total, but withheld they would all be 1.
        var cohort = Apply(new("a", 1, 0, 0), new("b", 1, 0, 0), new("c", 1, 0, 0), new("d", 1, 0, 0), new("e", 1, 0, 0));

        Assert.All(cohort.Rows, Hidden);
        Assert.Equal(Figure.Suppressed, cohort.Sent);
    }

    [Fact]
    public void Zero_is_published_and_an_empty_month_has_zero_totals_and_no_rate()
    {
        Assert.Equal(PublishedCohort.Empty, Apply());
        Assert.Equal(Figure.NoData, Apply().ClosedLoopRate);
        Assert.Equal(Figure.Of(0), Apply().Sent);

        // Every referral cancelled: nothing is left to close, so the rate has no data (not 0).
        Assert.Equal(Figure.NoData, Apply(new CohortRow("salud", 6, 0, 6)).ClosedLoopRate);
    }

    [Fact]
    public void Counts_that_do_not_add_up_or_repeated_categories_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Apply(new CohortRow("salud", 3, 2, 2)));
        Assert.Throws<ArgumentException>(() => Apply(new CohortRow("salud", 6, 0, 0), new CohortRow("salud", 6, 0, 0)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(500, false)]
    public void Small_means_from_one_to_the_threshold_minus_one(int count, bool small) => Assert.Equal(small, Five.IsSmall(count));

    [Fact]
    public void A_standalone_count_is_withheld_when_small_and_a_median_over_fewer_than_the_threshold_too()
    {
        Assert.Equal(Figure.Suppressed, Five.Count(4));
        Assert.Equal(Figure.Of(0), Five.Count(0));
        Assert.Equal(Figure.Of(5), Five.Count(5));
        Assert.Equal(Figure.NoData, Five.Median(null, 0));
        Assert.Equal(Figure.Suppressed, Five.Median(86_400, 4));
        Assert.Equal(Figure.Of(1.5), Five.Median(1.5 * 86_400, 5));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(51)]
    public void A_threshold_outside_three_to_fifty_is_refused(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureThreshold(value));
}
