namespace Boards.Monitoring.Tests.Domain;

public sealed class MunicipalityGapAnalysisTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static CategoryGapValue Gap(string category, int unmet, double? coverage = 0.5) =>
        new(category, category, 10, 20, 5, 1, coverage, 0, 0, 0, unmet);

    private static GapAnalysisReading Reading(DateTimeOffset computedAt, params CategoryGapValue[] categories) =>
        new("tomas-romero-pereira", Guid.CreateVersion7(), "round_closed", null, "2026-S2", computedAt.AddDays(-90), computedAt, categories);

    [Fact]
    public void The_top_is_at_most_three_categories_with_unmet_demand_largest_first_ties_in_published_order()
    {
        var top = GapRanking.Top([Gap("a", 5), Gap("b", 0), Gap("c", 9), Gap("d", 5), Gap("e", 2), Gap("f", -1)]);

        Assert.Equal(["c", "a", "d"], top.Select(g => g.Category));
    }

    [Fact]
    public void The_coverage_ratio_is_rounded_to_two_decimals_and_null_stays_null()
    {
        var top = GapRanking.Top([Gap("a", 3, 2.0 / 3), Gap("b", 2, null), Gap("c", 1, 0.125)]);

        Assert.Equal([0.67, null, 0.13], top.Select(g => g.CoverageRatio));
    }

    [Fact]
    public void Only_a_newer_analysis_replaces_the_one_held()
    {
        var row = MunicipalityGapAnalysis.From(Reading(T0.AddHours(1), Gap("health", 30)));

        Assert.False(row.Apply(Reading(T0, Gap("education", 90))));
        Assert.False(row.Apply(Reading(T0.AddHours(1), Gap("education", 90))));
        Assert.Equal(["health"], row.Categories.Select(c => c.Category));

        Assert.True(row.Apply(Reading(T0.AddHours(2), Gap("housing", 0), Gap("employment", 4))));
        var snapshot = row.ToSnapshot();
        Assert.Equal(T0.AddHours(2), snapshot.ComputedAt);
        Assert.Equal(2, row.Categories.Count);
        Assert.Equal(["employment"], snapshot.Top.Select(c => c.Category));
    }
}
