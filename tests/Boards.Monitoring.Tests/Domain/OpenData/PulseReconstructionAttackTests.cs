using Boards.Monitoring.Domain.OpenData;
using Boards.Monitoring.Domain.Pulse;

namespace Boards.Monitoring.Tests.Domain.OpenData;

/// <summary>
/// The pulse's attacker (<see cref="PulseAttacker"/>) takes everything published about a mean broken down by age band —
/// the whole's n and mean, the published bands' — and solves for the withheld bands. Against what
/// <see cref="BandSuppression"/> publishes it never pins a small n (1 to threshold − 1), nor a withheld band's mean, over
/// thousands of random quarters; the one exception is a whole whose every answer sits at one end of the scale, which the
/// published whole says of everyone. Against weaker rules (the controls) the same attacker recovers the withheld band.
/// </summary>
public sealed class PulseReconstructionAttackTests
{
    /// <summary>A band's answers on 0–100, as the read model would give them: the rounded mean, n and the extremes.</summary>
    private static Measure Of(IReadOnlyList<int> answers) =>
        Measure.Of(answers.Count == 0 ? null : answers.Average(), answers.Count, answers.Count == 0 ? null : answers.Min(), answers.Count == 0 ? null : answers.Max());

    private static (Measure Whole, List<(string, Measure)> Bands) Quarter(IReadOnlyDictionary<string, int[]> answers) =>
        (Of([.. answers.Values.SelectMany(a => a)]), [.. answers.Where(a => a.Value.Length > 0).Select(a => (a.Key, Of(a.Value)))]);

    /// <summary>Every withheld small n and every withheld mean the attacker pins; empty when the attack fails.</summary>
    private static List<string> Solved(IReadOnlyDictionary<string, int[]> answers, PublishedBreakdown published, int step, DisclosureThreshold threshold)
    {
        var solution = new PulseAttacker(step, bound: answers.Values.Sum(a => a.Length) + 3).Solve(published);
        var all = answers.Values.SelectMany(a => a).ToList();
        var unanimous = all.Count > 0 && (all.All(a => a == 0) || all.All(a => a == 100));
        var solved = new List<string>();
        foreach (var (band, found) in solution.Withheld)
        {
            var truth = answers.TryGetValue(band, out var a) ? a : [];
            Assert.True(found.Answers.Contains(truth.Length), $"The truth must fit: {band} n = {truth.Length}, found {string.Join(",", found.Answers)}.");
            if (threshold.IsSmall(truth.Length) && found.Answers.Count == 1)
            {
                solved.Add($"{band}.n = {truth.Length}");
            }

            if (truth.Length > 0)
            {
                var mean = (decimal)truth.Sum() / truth.Length;
                Assert.True(found.LowestMean <= mean && mean <= found.HighestMean, $"The truth must fit: {band} mean {mean}, found {found.LowestMean}–{found.HighestMean}.");
                if (found.MeanPinned && !unanimous)
                {
                    solved.Add($"{band}.mean = {mean}");
                }
            }
        }

        return solved;
    }

    private static Dictionary<string, int[]> RandomQuarter(Random random, int step)
    {
        return BandSuppression.Order.ToDictionary(band => band, _ =>
        {
            // Mostly small bands, where suppression has work to do, some large ones, some empty.
            var n = random.Next(5) switch { 0 => 0, 1 => random.Next(5, 25), _ => random.Next(1, 8) };
            // A band of one mind now and then (all 0 or all 100), so the rule about the ends of the scale is tried.
            var kind = random.Next(6);
            return Enumerable.Range(0, n).Select(_ => kind switch
            {
                0 => 0,
                1 => 100,
                _ => random.Next(0, 100 / step + 1) * step,
            }).ToArray();
        });
    }

    [Theory]
    [InlineData(5, 25, 20261207, 1500)]
    [InlineData(5, 1, 22, 1000)]
    [InlineData(3, 25, 7, 500)]
    [InlineData(10, 1, 11, 500)]
    public void The_attacker_never_solves_a_withheld_band_of_a_published_quarter(int value, int step, int seed, int quarters)
    {
        var threshold = new DisclosureThreshold(value);
        var random = new Random(seed);
        var withheld = 0;
        for (var q = 0; q < quarters; q++)
        {
            var answers = RandomQuarter(random, step);
            var (whole, bands) = Quarter(answers);
            var published = BandSuppression.Apply(whole, bands, threshold);
            withheld += published.Overall.Answers.Status == FigureStatus.Published
                ? published.Bands.Count(b => b.Mean.Answers.Status == FigureStatus.Suppressed)
                : 0;

            var solved = Solved(answers, published, step, threshold);

            Assert.True(solved.Count == 0,
                $"Quarter {q} ({string.Join("; ", answers.Select(a => $"{a.Key}: {string.Join(" ", a.Value)}"))}) gave away: {string.Join(", ", solved)}.");
        }

        // Bands were withheld beside a published whole, where the attacker has something to work with.
        Assert.True(withheld > quarters / 2, $"Only {withheld} bands withheld beside a published whole in {quarters} quarters.");
    }

    [Fact]
    public void The_lone_answer_of_an_age_band_stays_anything_from_0_to_100()
    {
        var threshold = new DisclosureThreshold(5);
        var answers = new Dictionary<string, int[]>
        {
            ["15_29"] = [100, 75, 75, 50, 100, 75, 25, 50],
            ["30_64"] = [50, 50, 75, 25, 0, 100],
            ["65_plus"] = [0],
            ["unknown"] = [75, 75],
        };
        var (whole, bands) = Quarter(answers);
        var published = BandSuppression.Apply(whole, bands, threshold);

        Assert.Equal(Figure.Of(68.8), published.Bands[0].Mean.Value);
        Assert.All(published.Bands.Skip(1), b => Assert.Equal(PublishedMean.Withheld, b.Mean));
        var lone = new PulseAttacker(25, bound: 20).Solve(published).Withheld["65_plus"];
        // From the whole (58.8 over 17) and 15–29 the attacker learns that three bands share 9 answers summing to 450.
        Assert.Equal(Enumerable.Range(1, 7), lone.Answers);
        Assert.Equal((0m, 100m, false), (lone.LowestMean, lone.HighestMean, lone.MeanPinned));
        Assert.Empty(Solved(answers, published, 25, threshold));
    }

    [Fact]
    public void Control_withholding_only_the_small_band_lets_the_attacker_recover_its_n_and_its_answer()
    {
        var threshold = new DisclosureThreshold(5);
        var answers = new Dictionary<string, int[]> { ["15_29"] = [100, 75, 75, 50, 100, 75, 25, 50], ["30_64"] = [50, 50, 75, 25, 0, 100], ["65_plus"] = [25] };
        var (whole, bands) = Quarter(answers);
        var real = BandSuppression.Apply(whole, bands, threshold);
        var weak = real with { Bands = [.. real.Bands.Select(b => b.AgeBand == "65_plus" ? b : b with { Mean = PublishedMean.Of(Of(answers.GetValueOrDefault(b.AgeBand, []))) })] };

        Assert.Equal(["65_plus.n = 1", "65_plus.mean = 25"], Solved(answers, weak, 25, threshold));
        Assert.Empty(Solved(answers, real, 25, threshold));
    }

    [Fact]
    public void Control_two_withheld_bands_whose_answers_add_up_under_the_threshold_are_recovered()
    {
        var threshold = new DisclosureThreshold(5);
        var answers = new Dictionary<string, int[]> { ["15_29"] = [40], ["30_64"] = [60], ["65_plus"] = [.. Enumerable.Range(0, 20).Select(i => i * 5)] };
        var (whole, bands) = Quarter(answers);
        var real = BandSuppression.Apply(whole, bands, threshold);
        // Only the two small bands withheld: the rule that their n's must reach the threshold is left out.
        var weak = real with { Bands = [.. real.Bands.Select(b => b.AgeBand is "15_29" or "30_64" ? b with { Mean = PublishedMean.Withheld } : b with { Mean = PublishedMean.Of(Of(answers.GetValueOrDefault(b.AgeBand, []))) })] };

        Assert.Contains("15_29.n = 1", Solved(answers, weak, 1, threshold));
        Assert.Empty(Solved(answers, real, 1, threshold));
        Assert.Equal(PublishedMean.Withheld, real.Bands[2].Mean);
    }

    [Fact]
    public void Control_withheld_bands_of_one_mind_at_an_end_of_the_scale_give_every_answer_away_unless_another_band_joins_them()
    {
        var threshold = new DisclosureThreshold(5);
        // Every 15–29 and 30–64 answer is "Nada" (0); 65 and over are of several minds.
        var answers = new Dictionary<string, int[]> { ["15_29"] = [0], ["30_64"] = [0, 0, 0, 0, 0], ["65_plus"] = [0, 25, 50, 100, 75, 50, 25, 100, 0, 50] };
        var (whole, bands) = Quarter(answers);
        var real = BandSuppression.Apply(whole, bands, threshold);
        var weak = real with { Bands = [.. real.Bands.Select(b => b.AgeBand is "15_29" or "30_64" ? b with { Mean = PublishedMean.Withheld } : b with { Mean = PublishedMean.Of(Of(answers.GetValueOrDefault(b.AgeBand, []))) })] };

        Assert.Equal(["15_29.mean = 0", "30_64.mean = 0"], Solved(answers, weak, 25, threshold).Order());
        // The rules withhold 65 and over too: the three together are not of one mind.
        Assert.Equal([PublishedMean.Withheld, PublishedMean.Withheld, PublishedMean.Withheld], real.Bands.Take(3).Select(b => b.Mean));
        Assert.Empty(Solved(answers, real, 25, threshold));
    }
}
