namespace Boards.Needs.Domain.Assessment;

/// <summary>The checked fields of a need (by the REST validator or the CSV import): what a round records or corrects.</summary>
public sealed record ValidNeed(
    string Category, string Locality, PopulationGroup PopulationGroup, int PeopleAffected, int Severity,
    EvidenceSource EvidenceSource, string? EvidenceNotes);
