namespace Boards.Planning.Domain.Replicas;

/// <summary>One need of a closed assessment round (Needs' NeedsPrioritized): what an objective may link to.</summary>
public sealed class PrioritizedNeedReplica
{
    public required Guid NeedId { get; init; }
    public required Guid RoundId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string Period { get; init; }
    public required int Rank { get; init; }
    public required string Category { get; init; }
    public required string Locality { get; init; }
    public required string PopulationGroup { get; init; }
    public required int PeopleAffected { get; init; }
    public required int Severity { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
}
