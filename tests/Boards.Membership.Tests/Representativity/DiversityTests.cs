namespace Boards.Membership.Tests.Representativity;

/// <summary>The reusable indices, on hand-computed distributions (gender with k = 2, sectors with k = 9).</summary>
public sealed class DiversityTests
{
    [Fact]
    public void Three_women_and_seven_men_give_blau_0_42_normalized_0_84_and_parity_0_43()
    {
        // p = 0.3, 0.7: B = 1 − (0.09 + 0.49) = 0.42; normalized by 1 − 1/2: 0.84; parity 3/7 = 0.428571…
        double[] gender = [3, 7];

        Assert.Equal(0.42, Diversity.Blau(gender), 10);
        Assert.Equal(0.84, Diversity.NormalizedBlau(gender, 2), 10);
        Assert.Equal(0.43, Diversity.Parity(3, 7), 2);
        Assert.Equal(0.428571, Diversity.Parity(7, 3), 6);
    }

    [Fact]
    public void Shannon_evenness_of_three_women_and_seven_men_is_0_8813()
    {
        // H = −(0.3 ln 0.3 + 0.7 ln 0.7) = 0.361192 + 0.249672 = 0.610864; J = 0.610864 / ln 2 (0.693147) = 0.881291
        Assert.Equal(0.610864, Diversity.ShannonEntropy([3, 7]), 6);
        Assert.Equal(0.881291, Diversity.ShannonEvenness([3, 7], 2), 6);
    }

    [Fact]
    public void Shannon_evenness_of_a_half_and_two_quarters_over_three_categories_is_0_9464()
    {
        // H = 0.5 ln 2 + 2 × 0.25 ln 4 = 0.346574 + 0.693147 = 1.039721; J = 1.039721 / ln 3 (1.098612) = 0.946395
        Assert.Equal(0.946395, Diversity.ShannonEvenness([2, 1, 1], 3), 6);
    }

    [Fact]
    public void One_member_in_each_of_the_nine_sectors_is_perfectly_diverse_and_even()
    {
        double[] sectors = [1, 1, 1, 1, 1, 1, 1, 1, 1];

        // B = 1 − 9 × (1/9)² = 8/9; normalized (8/9) / (1 − 1/9) = 1; H = ln 9, J = 1.
        Assert.Equal(0.888889, Diversity.Blau(sectors), 6);
        Assert.Equal(1, Diversity.NormalizedBlau(sectors, 9), 10);
        Assert.Equal(1, Diversity.ShannonEvenness(sectors, 9), 10);
    }

    [Fact]
    public void Two_equal_sectors_out_of_the_nine_are_normalized_against_the_whole_taxonomy()
    {
        // B = 1 − 2 × 0.25 = 0.5; normalized 0.5 / (8/9) = 0.5625; J = ln 2 / ln 9 = 0.315465
        double[] sectors = [5, 5, 0, 0, 0, 0, 0, 0, 0];

        Assert.Equal(0.5, Diversity.Blau(sectors), 10);
        Assert.Equal(0.5625, Diversity.NormalizedBlau(sectors, 9), 10);
        Assert.Equal(0.315465, Diversity.ShannonEvenness(sectors, 9), 6);
        Assert.Equal(0.5625, Diversity.NormalizedBlau([5, 5], 9), 10);
    }

    [Fact]
    public void A_single_category_has_no_diversity_and_no_evenness()
    {
        double[] sectors = [4, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Equal(0, Diversity.Blau(sectors));
        Assert.Equal(0, Diversity.NormalizedBlau(sectors, 9));
        Assert.Equal(0, Diversity.ShannonEvenness(sectors, 9));
    }

    [Fact]
    public void An_empty_distribution_measures_zero_everywhere()
    {
        double[] none = [0, 0];

        Assert.Equal(0, Diversity.Blau(none));
        Assert.Equal(0, Diversity.NormalizedBlau(none, 2));
        Assert.Equal(0, Diversity.ShannonEvenness(none, 2));
        Assert.Equal(0, Diversity.Parity(0, 0));
        Assert.Equal([0d, 0d], Diversity.Shares(none));
    }

    [Fact]
    public void Parity_without_one_of_the_two_is_zero()
    {
        Assert.Equal(0, Diversity.Parity(5, 0));
        Assert.Equal(0, Diversity.Parity(0, 5));
        Assert.Equal(1, Diversity.Parity(4, 4));
    }

    [Fact]
    public void Gallagher_is_zero_on_target_and_grows_with_the_distance()
    {
        Assert.Equal(0, Diversity.Gallagher([0.5, 0.5], [0.5, 0.5]));
        // ½ (0.2² + 0.2²) = 0.04; √0.04 = 0.2
        Assert.Equal(0.2, Diversity.Gallagher([0.5, 0.5], [0.3, 0.7]), 10);
        // All seats in a category with target 0, target all in another: √(½ (1 + 1)) = 1
        Assert.Equal(1, Diversity.Gallagher([1, 0], [0, 1]), 10);
    }

    [Fact]
    public void Bad_distributions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Diversity.NormalizedBlau([1, 1, 1], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Diversity.Blau([1, -1]));
        Assert.Throws<ArgumentException>(() => Diversity.Gallagher([1], [0.5, 0.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Diversity.ShannonEvenness([1], 0));
    }
}
