namespace Boards.Planning.Domain.Replicas;

/// <summary>A board session recorded in Membership (SessionHeld): what an approval names. The highest SessionVersion wins.</summary>
public sealed class SessionReplica
{
    public required Guid SessionId { get; init; }
    public required string MunicipalityCode { get; set; }
    public required DateOnly Date { get; set; }
    public required bool QuorumReached { get; set; }
    public required long SessionVersion { get; set; }
}
