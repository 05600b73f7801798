using Boards.Monitoring.Domain.Pulse;

namespace Boards.Monitoring.Domain.OpenData;

/// <summary>A mean of the pulse as published: its value (0–100) and its n (answers behind it), or both withheld.</summary>
public sealed record PublishedMean(Figure Value, Figure Answers)
{
    public static PublishedMean Withheld { get; } = new(Figure.Suppressed, Figure.Suppressed);

    public static PublishedMean Empty { get; } = new(Figure.NoData, Figure.Of(0));

    /// <summary>The mean as it is: n 0 has no value (and says nothing about anyone).</summary>
    public static PublishedMean Of(Measure measure) => measure.Answers == 0 || measure.Value is null
        ? Empty
        : new PublishedMean(Figure.Of((double)measure.Value.Value), Figure.Of(measure.Answers));

    /// <summary>A mean that belongs to no published total: withheld when its n is small (primary suppression only).</summary>
    public static PublishedMean Standalone(Measure measure, DisclosureThreshold threshold) =>
        threshold.IsSmall(measure.Answers) ? Withheld : Of(measure);
}

/// <summary>One age band's mean as published.</summary>
public sealed record PublishedBand(string AgeBand, PublishedMean Mean);

/// <summary>A mean of the whole municipality and of each of the four age bands, as published.</summary>
public sealed record PublishedBreakdown(PublishedMean Overall, IReadOnlyList<PublishedBand> Bands);

/// <summary>
/// Decides what of a mean broken down by age band may be published (docs/open-data.md, "The pulse"). The bands' answers
/// add up to the whole, so the whole's n and mean, less the published bands', give the withheld bands' n and sum
/// together. The rules mirror <see cref="CohortSuppression"/>:
/// <list type="number">
/// <item>A small n of the whole (1 to threshold − 1) withholds the whole and all four bands.</item>
/// <item>Primary: a band with a small n is withheld (its n and its mean).</item>
/// <item>Complementary: more bands are withheld, smallest n first (then in the bands' order), until at least two are,
/// their n's add up to at least threshold + bands − 2 (so that each withheld n could be anything from 1 to threshold − 1),
/// and their answers do not all sit at one end of the scale (all 0 or all 100: then every withheld answer, so every
/// withheld mean, would be known), unless every answer of the whole does, which the published whole says anyway.</item>
/// <item>When even all the bands together do not pass rule 3, the whole is withheld too.</item>
/// </list>
/// A band with no answers is published as n 0 and never needs hiding.
/// </summary>
public static class BandSuppression
{
    /// <summary>The four age bands, in the order the files print them.</summary>
    public static IReadOnlyList<string> Order { get; } = ["15_29", "30_64", "65_plus", "unknown"];

    public static PublishedBreakdown Apply(Measure whole, IReadOnlyList<(string AgeBand, Measure Measure)> bands, DisclosureThreshold threshold)
    {
        var byBand = Order.Select(band => (AgeBand: band, Measure: bands.Where(b => b.AgeBand == band).Select(b => b.Measure).SingleOrDefault() ?? Measure.None))
            .ToList();
        if (bands.Any(b => !Order.Contains(b.AgeBand)) || byBand.Sum(b => b.Measure.Answers) != whole.Answers)
        {
            throw new ArgumentException("The age bands are the four known ones, and their answers add up to the whole's.", nameof(bands));
        }

        if (whole.Answers == 0)
        {
            return new PublishedBreakdown(PublishedMean.Empty, [.. byBand.Select(b => new PublishedBand(b.AgeBand, PublishedMean.Empty))]);
        }

        if (threshold.IsSmall(whole.Answers))
        {
            return Withheld(byBand);
        }

        var listed = byBand.Where(b => b.Measure.Answers > 0).Select(b => b.Measure).ToList();
        var wholeAtOneEnd = AtOneEnd(listed);
        // Bands by their place in Order: two bands may well hold equal measures.
        var hidden = Enumerable.Range(0, byBand.Count).Where(i => threshold.IsSmall(byBand[i].Measure.Answers)).ToHashSet();
        if (hidden.Count > 0)
        {
            var candidates = new Queue<int>(Enumerable.Range(0, byBand.Count)
                .Where(i => byBand[i].Measure.Answers > 0 && !hidden.Contains(i))
                .OrderBy(i => byBand[i].Measure.Answers).ThenBy(i => i));
            while (!Protected([.. hidden.Select(i => byBand[i].Measure)], threshold, wholeAtOneEnd))
            {
                if (!candidates.TryDequeue(out var next))
                {
                    return Withheld(byBand);
                }

                hidden.Add(next);
            }
        }

        return new PublishedBreakdown(
            PublishedMean.Of(whole),
            [.. byBand.Select((b, i) => new PublishedBand(b.AgeBand, hidden.Contains(i) ? PublishedMean.Withheld : PublishedMean.Of(b.Measure)))]);
    }

    /// <summary>Rule 3: nothing of the withheld bands can be solved from the whole and the published bands.</summary>
    public static bool Protected(IReadOnlyCollection<Measure> hidden, DisclosureThreshold threshold, bool wholeAtOneEnd) =>
        hidden.Count >= 2
        && hidden.Sum(m => m.Answers) >= threshold.Value + hidden.Count - 2
        && (wholeAtOneEnd || !AtOneEnd(hidden));

    /// <summary>Every answer behind these means is 0, or every one is 100 (read from their extremes; unknown is neither).</summary>
    public static bool AtOneEnd(IReadOnlyCollection<Measure> measures) =>
        measures.Count > 0 && (measures.All(m => m.Highest is 0d) || measures.All(m => m.Lowest is 100d));

    private static PublishedBreakdown Withheld(IEnumerable<(string AgeBand, Measure Measure)> bands) =>
        new(PublishedMean.Withheld, [.. bands.Select(b => new PublishedBand(b.AgeBand, PublishedMean.Withheld))]);
}
