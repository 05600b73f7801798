using Boards.Monitoring.Domain.Pulse;

namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// What the open data says about one municipality's pulse in one quarter (docs/open-data.md, "The pulse"), every figure
/// already judged: the slips printed, the response rate with its n (answers with a code), the trust index and the
/// endowment share of the whole and of each age band with their n, and the members' voice with its n.
/// </summary>
public sealed record PublishedPulse(
    string Code,
    Figure SlipsPrinted,
    PublishedMean ResponseRate,
    PublishedBreakdown Trust,
    PublishedMean Voice,
    PublishedBreakdown EndowmentShare)
{
    /// <summary>
    /// Applies the rules: the two breakdowns through <see cref="BandSuppression"/>; the voice, which belongs to no published
    /// total, withheld when its n is small; the slips printed withheld when small; the response rate, with the slips
    /// printed, gives away its n (answers with a code), so it is published only when both counts are.
    /// <paramref name="pulse"/> null is a quarter without answers or slips.
    /// </summary>
    public static PublishedPulse From(string code, PulseIndices? pulse, DisclosureThreshold threshold)
    {
        if (pulse is null)
        {
            return new PublishedPulse(code, Figure.Of(0), PublishedMean.Empty, Empty, PublishedMean.Empty, Empty);
        }

        return new PublishedPulse(
            code,
            threshold.Count(pulse.SlipsPrinted),
            Rate(pulse, threshold),
            BandSuppression.Apply(pulse.Trust, Bands(pulse, b => b.Trust), threshold),
            PublishedMean.Standalone(pulse.CouldSpeak, threshold),
            BandSuppression.Apply(pulse.EndowmentShare, Bands(pulse, b => b.EndowmentShare), threshold));
    }

    private static PublishedBreakdown Empty { get; } =
        new(PublishedMean.Empty, [.. BandSuppression.Order.Select(band => new PublishedBand(band, PublishedMean.Empty))]);

    private static PublishedMean Rate(PulseIndices pulse, DisclosureThreshold threshold)
    {
        if (threshold.IsSmall(pulse.SlipsPrinted) || threshold.IsSmall(pulse.AnswersWithCode))
        {
            return PublishedMean.Withheld;
        }

        return pulse.ResponseRate is { } rate
            ? new PublishedMean(Figure.Of((double)rate), Figure.Of(pulse.AnswersWithCode))
            : new PublishedMean(Figure.NoData, Figure.Of(pulse.AnswersWithCode));
    }

    /// <summary>The four bands; a band Participation might add later counts as unknown, so the bands still add up to the whole.</summary>
    private static List<(string AgeBand, Measure Measure)> Bands(PulseIndices pulse, Func<AgeBandReading, Measure> measure) =>
        [.. pulse.ByAgeBand
            .GroupBy(b => BandSuppression.Order.Contains(b.AgeBand) ? b.AgeBand : "unknown")
            .Select(group => (group.Key, Merge([.. group.Select(measure)])))];

    private static Measure Merge(IReadOnlyList<Measure> measures)
    {
        if (measures.Count == 1)
        {
            return measures[0];
        }

        var answers = measures.Sum(m => m.Answers);
        var sum = measures.Where(m => m.Value is not null).Sum(m => (double)m.Value!.Value * m.Answers);
        return Measure.Of(answers == 0 ? null : sum / answers, answers,
            measures.Where(m => m.Answers > 0).Min(m => m.Lowest), measures.Where(m => m.Answers > 0).Max(m => m.Highest));
    }
}
