namespace Boards.Monitoring.Domain;

/// <summary>
/// The latest need-vs-offer gap analysis of a municipality, as announced by Needs' GapAnalysisPublished: every category
/// of the analysis (kept as published, in its order) with its trigger, period and time of computation. Each analysis
/// replaces the previous one; one not newer (ComputedAt) than the one held is ignored.
/// </summary>
public sealed class MunicipalityGapAnalysis
{
    private MunicipalityGapAnalysis()
    {
        Code = "";
        Trigger = "";
        Categories = [];
    }

    public string Code { get; private set; }
    public Guid AnalysisId { get; private set; }
    public string Trigger { get; private set; }
    public Guid? RoundId { get; private set; }
    public string? Period { get; private set; }
    public DateTimeOffset EvidenceSince { get; private set; }
    public DateTimeOffset ComputedAt { get; private set; }
    public List<CategoryGapValue> Categories { get; private set; }

    public static MunicipalityGapAnalysis From(GapAnalysisReading reading)
    {
        var row = new MunicipalityGapAnalysis { Code = reading.Code };
        row.Take(reading);
        return row;
    }

    /// <summary>Applies a newer analysis; false (nothing changes) when it is not newer than the one held.</summary>
    public bool Apply(GapAnalysisReading reading)
    {
        if (reading.Code != Code)
        {
            throw new ArgumentException($"The analysis is for {reading.Code}, not {Code}.", nameof(reading));
        }

        if (reading.ComputedAt <= ComputedAt)
        {
            return false;
        }

        Take(reading);
        return true;
    }

    public GapsSnapshot ToSnapshot() => new(ComputedAt, Trigger, Period, GapRanking.Top(Categories));

    private void Take(GapAnalysisReading reading)
    {
        AnalysisId = reading.AnalysisId;
        Trigger = reading.Trigger;
        RoundId = reading.RoundId;
        Period = reading.Period;
        EvidenceSince = reading.EvidenceSince;
        ComputedAt = reading.ComputedAt;
        Categories = reading.Categories.ToList();
    }
}

/// <summary>One need category of an analysis, every figure as Needs published it (formulas: docs/needs.md, "Gap analysis").</summary>
public sealed record CategoryGapValue(
    string Category,
    string CategoryName,
    int PeopleAffected,
    int Demand,
    int OfferCapacity,
    int ServicesOffered,
    double? CoverageRatio,
    int RejectedNoCapacity,
    int RejectedNotOffered,
    int CounterReferredNoCapacity,
    int UnmetDemand);

public sealed record GapAnalysisReading(
    string Code,
    Guid AnalysisId,
    string Trigger,
    Guid? RoundId,
    string? Period,
    DateTimeOffset EvidenceSince,
    DateTimeOffset ComputedAt,
    IReadOnlyList<CategoryGapValue> Categories);

/// <summary>What the summaries show: when and why the analysis was computed, and its largest gaps.</summary>
public sealed record GapsSnapshot(DateTimeOffset ComputedAt, string Trigger, string? Period, IReadOnlyList<CategoryGapValue> Top);

public static class GapRanking
{
    public const int TopCount = 3;

    /// <summary>
    /// Up to three categories with unmet demand, largest first. Ties keep the order Needs published them in (the sort
    /// is stable). The coverage ratio is rounded like every other rate here.
    /// </summary>
    public static IReadOnlyList<CategoryGapValue> Top(IEnumerable<CategoryGapValue> categories) => categories
        .Where(c => c.UnmetDemand > 0)
        .OrderByDescending(c => c.UnmetDemand)
        .Take(TopCount)
        .Select(c => c with { CoverageRatio = c.CoverageRatio is { } ratio ? Indicators.Round(ratio) : null })
        .ToList();
}
