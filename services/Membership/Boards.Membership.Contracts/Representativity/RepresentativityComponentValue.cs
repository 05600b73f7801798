namespace Boards.Membership.Contracts.Representativity;

/// <summary>
/// One component of a representativity score as carried by RepresentativityAssessed: its value, its sub-score in
/// [0, 1], the policy weight, the weight applied after redistributing non-applicable components, and its contribution
/// in points (applied weight × sub-score × 100).
/// </summary>
public sealed record RepresentativityComponentValue
{
    /// <summary>RequiredSectors, GenderParity, Youth, TerritorialCoverage, SectorDiversity, SectorEvenness, Proportionality, Capture.</summary>
    public required string Name { get; init; }
    public required string Label { get; init; }
    public required bool Applicable { get; init; }
    public required decimal Value { get; init; }
    public required decimal SubScore { get; init; }
    public required decimal PolicyWeight { get; init; }
    public required decimal Weight { get; init; }
    public required decimal Contribution { get; init; }
}
