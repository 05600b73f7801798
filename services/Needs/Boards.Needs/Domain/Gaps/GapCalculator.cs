namespace Boards.Needs.Domain.Gaps;

public sealed record NeedDemand(string Category, int PeopleAffected, int Severity);

public sealed record ServiceCapacity(IReadOnlyList<string> Categories, int? MonthlyCapacity, bool Full);

/// <summary>One referral turned away: rejected for no_capacity or service_not_offered, or counter-referred with no_capacity.</summary>
public sealed record TurnedAway(IReadOnlyList<string> Categories, TurnedAwayKind Kind);

public enum TurnedAwayKind
{
    RejectedNoCapacity,
    RejectedNotOffered,
    CounterReferredNoCapacity,
}

public sealed record Gap(
    string Category, int PeopleAffected, int Demand, int OfferCapacity, int ServicesOffered, int ServicesWithoutCapacity,
    double? CoverageRatio, int RejectedNoCapacity, int RejectedNotOffered, int CounterReferredNoCapacity, int UnmetDemand);

/// <summary>
/// The gap between needs and offer per category. Demand D = Σ people × severity. Capacity C = the monthly places of
/// the services covering the category that are not full (a service without a stated capacity adds nothing, and is
/// counted apart). Coverage R = min(1, C / P) over the people affected P. People turned away T (referral evidence) are
/// people with a need the offer did not meet, weighted by the category's mean severity s (3 when the round has none):
/// unmet U = round(D × (1 − R) + T × s). With no one affected, R is 0 if someone was turned away and null otherwise.
/// </summary>
public static class GapCalculator
{
    public const int DefaultSeverity = 3;

    public static IReadOnlyList<Gap> Compute(
        IReadOnlyList<NeedDemand> needs, IReadOnlyList<ServiceCapacity> services, IReadOnlyList<TurnedAway> turnedAway)
    {
        var categories = needs.Select(n => n.Category)
            .Concat(services.SelectMany(s => s.Categories))
            .Concat(turnedAway.SelectMany(t => t.Categories))
            .Distinct(StringComparer.Ordinal);

        return categories
            .Select(category => For(category, needs, services, turnedAway))
            .OrderByDescending(g => g.UnmetDemand)
            .ThenByDescending(g => g.Demand)
            .ThenBy(g => g.Category, StringComparer.Ordinal)
            .ToList();
    }

    private static Gap For(string category, IReadOnlyList<NeedDemand> needs, IReadOnlyList<ServiceCapacity> services, IReadOnlyList<TurnedAway> turnedAway)
    {
        var inCategory = needs.Where(n => n.Category == category).ToList();
        var people = inCategory.Sum(n => n.PeopleAffected);
        var demand = inCategory.Sum(n => n.PeopleAffected * n.Severity);
        var covering = services.Where(s => s.Categories.Contains(category)).ToList();
        var capacity = covering.Where(s => !s.Full).Sum(s => s.MonthlyCapacity ?? 0);
        var away = turnedAway.Where(t => t.Categories.Contains(category)).ToList();
        var noCapacity = away.Count(t => t.Kind == TurnedAwayKind.RejectedNoCapacity);
        var notOffered = away.Count(t => t.Kind == TurnedAwayKind.RejectedNotOffered);
        var counterNoCapacity = away.Count(t => t.Kind == TurnedAwayKind.CounterReferredNoCapacity);

        double? coverage = people > 0 ? Math.Min(1.0, (double)capacity / people) : away.Count > 0 ? 0.0 : null;
        var meanSeverity = people > 0 ? (double)demand / people : DefaultSeverity;
        var unmet = (int)Math.Round(demand * (1 - (coverage ?? 1.0)) + away.Count * meanSeverity, MidpointRounding.AwayFromZero);

        return new Gap(
            category, people, demand, capacity, covering.Count, covering.Count(s => s.MonthlyCapacity is null),
            coverage is { } r ? Math.Round(r, 4) : null, noCapacity, notOffered, counterNoCapacity, unmet);
    }
}
