namespace Boards.Monitoring.Domain.OpenData;

/// <summary>
/// One municipality's figures for one month, as the read model holds them, before anything is withheld. Referrals are
/// the month's cohort (sent in the month, counted by origin municipality, each in its state now); service days are those
/// held in the month; representativity, plan progress and gaps are the latest known at the month's end (or now).
/// </summary>
public sealed record MonthFigures(
    string Code,
    IReadOnlyList<CohortRow> Cohort,
    Durations ToAccept,
    Durations ToCounterReferral,
    int ServiceDaysHeld,
    int PeopleServed,
    decimal? RosterRepresentativity,
    decimal? AttendanceRepresentativity,
    decimal? PlanProgress,
    IReadOnlyList<CategoryGapValue> Gaps)
{
    public static MonthFigures None(string code) =>
        new(code, [], Durations.None, Durations.None, 0, 0, null, null, null, []);
}

/// <summary>How many durations a median is taken over, and the median in seconds (null over none).</summary>
public sealed record Durations(int Count, double? MedianSeconds)
{
    public static Durations None { get; } = new(0, null);
}

/// <summary>One of the municipality's largest need-vs-offer gaps: its place (1 is the largest), category and unmet demand.</summary>
public sealed record PublishedGap(int Rank, string Category, Figure UnmetDemand);

/// <summary>What the open data says about one municipality in one month, every count already judged.</summary>
public sealed record PublishedMonth(
    string Code,
    PublishedCohort Referrals,
    Figure MedianDaysToAccept,
    Figure MedianDaysToCounterReferral,
    Figure ServiceDaysHeld,
    Figure PeopleServed,
    Figure RosterRepresentativity,
    Figure AttendanceRepresentativity,
    Figure PlanProgress,
    IReadOnlyList<PublishedGap> TopGaps)
{
    /// <summary>
    /// Applies the rules of docs/open-data.md: the cohort through <see cref="CohortSuppression"/>; medians over fewer
    /// than the threshold withheld; people served and unmet demand, which belong to no published total, withheld when
    /// small. Service days held, scores and plan progress count no people and are published as they are.
    /// </summary>
    public static PublishedMonth From(MonthFigures figures, DisclosureThreshold threshold) => new(
        figures.Code,
        CohortSuppression.Apply(figures.Cohort, threshold),
        threshold.Median(figures.ToAccept.MedianSeconds, figures.ToAccept.Count),
        threshold.Median(figures.ToCounterReferral.MedianSeconds, figures.ToCounterReferral.Count),
        Figure.Of(figures.ServiceDaysHeld),
        threshold.Count(figures.PeopleServed),
        Score(figures.RosterRepresentativity),
        Score(figures.AttendanceRepresentativity),
        Score(figures.PlanProgress),
        GapRanking.Top(figures.Gaps)
            .Select((gap, i) => new PublishedGap(i + 1, gap.Category, threshold.Count(gap.UnmetDemand)))
            .ToList());

    private static Figure Score(decimal? score) =>
        score is { } value ? Figure.Of((double)Math.Round(value, 1, MidpointRounding.AwayFromZero)) : Figure.NoData;
}
