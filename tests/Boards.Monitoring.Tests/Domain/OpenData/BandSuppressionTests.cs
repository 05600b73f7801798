using Boards.Monitoring.Domain.OpenData;
using Boards.Monitoring.Domain.Pulse;

namespace Boards.Monitoring.Tests.Domain.OpenData;

/// <summary>The pulse's suppression rules of docs/open-data.md ("The pulse"), one case each (threshold 5).</summary>
public sealed class BandSuppressionTests
{
    private static readonly DisclosureThreshold Five = new(5);

    private static Measure M(decimal? value, int answers, double? lowest = 0, double? highest = 100) =>
        new Measure(value, answers) with { Lowest = lowest, Highest = highest };

    private static PublishedBreakdown Apply(params (string Band, Measure Measure)[] bands)
    {
        var answers = bands.Sum(b => b.Measure.Answers);
        return BandSuppression.Apply(M(50, answers), bands, Five);
    }

    private static PublishedMean Band(PublishedBreakdown breakdown, string band) => Assert.Single(breakdown.Bands, b => b.AgeBand == band).Mean;

    [Fact]
    public void Nothing_small_publishes_the_whole_and_every_band_and_an_empty_band_as_n_0()
    {
        var published = Apply(("15_29", M(62.5m, 8)), ("30_64", M(40m, 12)));

        Assert.Equal(new PublishedMean(Figure.Of(50), Figure.Of(20)), published.Overall);
        Assert.Equal(new PublishedMean(Figure.Of(62.5), Figure.Of(8)), Band(published, "15_29"));
        Assert.Equal(new PublishedMean(Figure.NoData, Figure.Of(0)), Band(published, "65_plus"));
        Assert.Equal(["15_29", "30_64", "65_plus", "unknown"], published.Bands.Select(b => b.AgeBand));
    }

    [Fact]
    public void A_small_whole_withholds_the_whole_and_all_four_bands_even_the_empty_ones()
    {
        var published = Apply(("15_29", M(100m, 3)));

        Assert.Equal(PublishedMean.Withheld, published.Overall);
        Assert.All(published.Bands, b => Assert.Equal(PublishedMean.Withheld, b.Mean));
    }

    [Fact]
    public void A_small_band_takes_the_smallest_other_band_with_it_so_the_whole_does_not_give_it_away()
    {
        var published = Apply(("15_29", M(62.5m, 8)), ("30_64", M(40m, 12)), ("65_plus", M(0m, 1, 0, 0)));

        Assert.Equal(PublishedMean.Withheld, Band(published, "65_plus"));
        Assert.Equal(PublishedMean.Withheld, Band(published, "15_29"));
        Assert.Equal(Figure.Of(12), Band(published, "30_64").Answers);
        Assert.Equal(Figure.Of(21), published.Overall.Answers);
    }

    [Fact]
    public void Two_small_bands_that_add_up_under_the_threshold_take_a_third()
    {
        // 1 + 2 = 3 answers: subtracted from the whole, a small count. With 15–29 the three hold 11, each 1 to 9.
        var published = Apply(("15_29", M(62.5m, 8)), ("30_64", M(40m, 12)), ("65_plus", M(0m, 1)), ("unknown", M(75m, 2)));

        Assert.Equal(3, published.Bands.Count(b => b.Mean == PublishedMean.Withheld));
        Assert.Equal(Figure.Of(12), Band(published, "30_64").Answers);
    }

    [Fact]
    public void Withheld_bands_of_one_mind_at_an_end_of_the_scale_take_another_band_unless_the_whole_is_of_one_mind()
    {
        // 65+ and unknown: every answer 0. Withheld together they would still say each answer was 0.
        var split = Apply(("15_29", M(62.5m, 8)), ("65_plus", M(0m, 1, 0, 0)), ("unknown", M(0m, 6, 0, 0)));
        Assert.Equal(PublishedMean.Withheld, Band(split, "15_29"));
        Assert.Equal(Figure.Of(15), split.Overall.Answers);

        // When every answer of the municipality is 0 the whole says so anyway: no band needs to join.
        var unanimous = Apply(("15_29", M(0m, 8, 0, 0)), ("65_plus", M(0m, 1, 0, 0)), ("unknown", M(0m, 6, 0, 0)));
        Assert.Equal(Figure.Of(8), Band(unanimous, "15_29").Answers);
        Assert.Equal(PublishedMean.Withheld, Band(unanimous, "unknown"));
    }

    [Fact]
    public void When_no_set_of_bands_can_hide_a_small_one_the_whole_is_withheld_too()
    {
        // 1 + 1 + 1 + 2 = 5 answers: four withheld bands need 5 + 4 − 2 = 7.
        var published = Apply(("15_29", M(50m, 1)), ("30_64", M(50m, 1)), ("65_plus", M(50m, 1)), ("unknown", M(50m, 2)));

        Assert.Equal(PublishedMean.Withheld, published.Overall);
        Assert.All(published.Bands, b => Assert.Equal(PublishedMean.Withheld, b.Mean));
    }

    [Fact]
    public void Bands_that_do_not_add_up_to_the_whole_are_a_bug_not_a_publication()
    {
        Assert.Throws<ArgumentException>(() => BandSuppression.Apply(M(50, 10), [("15_29", M(50, 8))], Five));
        Assert.Throws<ArgumentException>(() => BandSuppression.Apply(M(50, 8), [("15_17", M(50, 8))], Five));
    }

    [Fact]
    public void The_rate_and_the_slips_are_withheld_together_when_either_count_is_small_and_the_voice_on_its_own_n()
    {
        PulseIndices Pulse(int slips, int withCode, int voice) => new(
            "x", "2026-Q1", withCode, 0, Measure.None, slips, withCode, PulseIndices.Rate(withCode, slips), new Measure(80, voice), Measure.None, []);

        var open = PublishedPulse.From("x", Pulse(20, 15, 5), Five);
        Assert.Equal((Figure.Of(20), new PublishedMean(Figure.Of(75), Figure.Of(15))), (open.SlipsPrinted, open.ResponseRate));
        Assert.Equal(new PublishedMean(Figure.Of(80), Figure.Of(5)), open.Voice);

        // 3 answers with a code: the rate, times the published slips, would give them away.
        var few = PublishedPulse.From("x", Pulse(20, 3, 4), Five);
        Assert.Equal((Figure.Of(20), PublishedMean.Withheld, PublishedMean.Withheld), (few.SlipsPrinted, few.ResponseRate, few.Voice));

        var fewSlips = PublishedPulse.From("x", Pulse(4, 0, 0), Five);
        Assert.Equal((Figure.Suppressed, PublishedMean.Withheld), (fewSlips.SlipsPrinted, fewSlips.ResponseRate));

        var none = PublishedPulse.From("x", null, Five);
        Assert.Equal((Figure.Of(0), PublishedMean.Empty), (none.SlipsPrinted, none.ResponseRate));
        Assert.Equal(4, none.Trust.Bands.Count);
    }
}
