namespace Boards.Needs.Contracts.Prioritization;

/// <summary>One place of the frozen ranking of a <see cref="Events.NeedsPrioritized"/>.</summary>
public sealed record PrioritizedNeed
{
    public required int Rank { get; init; }
    public required Guid NeedId { get; init; }
    /// <summary>A need category code, e.g. "food_security".</summary>
    public required string Category { get; init; }
    public required string Locality { get; init; }
    /// <summary>children, adolescents, elderly, women_heads_of_household, indigenous, persons_with_disability.</summary>
    public required string PopulationGroup { get; init; }
    public required int PeopleAffected { get; init; }
    public required int Severity { get; init; }
    public required int Points { get; init; }
    /// <summary>first, points, people_x_severity or registration_order: what put this need below the one above it.</summary>
    public required string DecidedBy { get; init; }
}
