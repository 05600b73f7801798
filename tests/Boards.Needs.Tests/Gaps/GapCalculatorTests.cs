using Boards.Needs.Domain.Gaps;

namespace Boards.Needs.Tests.Gaps;

/// <summary>The gap formulas, computed by hand (docs/needs.md, "Gap analysis").</summary>
public sealed class GapCalculatorTests
{
    [Fact]
    public void Demand_capacity_coverage_and_unmet_demand_per_category()
    {
        var needs = new[] { new NeedDemand("health", 40, 5), new NeedDemand("health", 60, 2), new NeedDemand("housing", 10, 3) };
        var services = new[]
        {
            new ServiceCapacity(["health"], 50, Full: false),
            new ServiceCapacity(["health", "care"], 30, Full: true),   // full: no places this month
            new ServiceCapacity(["health"], null, Full: false),        // capacity not stated
            new ServiceCapacity(["housing"], 25, Full: false),
        };

        var gaps = GapCalculator.Compute(needs, services, []);

        // Health: P 100, D 40×5 + 60×2 = 320, C 50, R 0.5, U 160.
        var health = gaps.Single(g => g.Category == "health");
        Assert.Equal((100, 320, 50, 3, 1, 0.5, 160),
            (health.PeopleAffected, health.Demand, health.OfferCapacity, health.ServicesOffered, health.ServicesWithoutCapacity, health.CoverageRatio, health.UnmetDemand));
        // Housing: capacity 25 over 10 people: coverage capped at 1, nothing unmet.
        var housing = gaps.Single(g => g.Category == "housing");
        Assert.Equal((1.0, 0), (housing.CoverageRatio, housing.UnmetDemand));
        // Care: offered (full), nobody recorded, nobody turned away: no coverage to speak of.
        var care = gaps.Single(g => g.Category == "care");
        Assert.Equal((null as double?, 0, 0), (care.CoverageRatio, care.UnmetDemand, care.OfferCapacity));
        Assert.Equal(["health", "housing", "care"], gaps.Select(g => g.Category).ToArray());
    }

    [Fact]
    public void People_turned_away_add_at_the_mean_severity_of_the_category_or_three()
    {
        var needs = new[] { new NeedDemand("food_security", 10, 2), new NeedDemand("food_security", 10, 4) };
        var away = new[]
        {
            new TurnedAway(["food_security"], TurnedAwayKind.RejectedNoCapacity),
            new TurnedAway(["food_security", "education"], TurnedAwayKind.CounterReferredNoCapacity),
            new TurnedAway(["education"], TurnedAwayKind.RejectedNotOffered),
        };

        var gaps = GapCalculator.Compute(needs, [new ServiceCapacity(["food_security"], 5, false)], away);

        // Food: P 20, D 60, C 5, R 0.25: 60 × 0.75 = 45, plus 2 × mean severity 3 = 51.
        var food = gaps.Single(g => g.Category == "food_security");
        Assert.Equal((0.25, 51, 1, 0, 1), (food.CoverageRatio, food.UnmetDemand, food.RejectedNoCapacity, food.RejectedNotOffered, food.CounterReferredNoCapacity));
        // Education: nobody recorded, two turned away: R 0, U 2 × 3 = 6.
        var education = gaps.Single(g => g.Category == "education");
        Assert.Equal((0.0, 6, 1, 1), (education.CoverageRatio, education.UnmetDemand, education.RejectedNotOffered, education.CounterReferredNoCapacity));
    }
}
