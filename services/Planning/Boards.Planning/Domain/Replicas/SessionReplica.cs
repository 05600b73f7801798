namespace Boards.Planning.Domain.Replicas;

/// <summary>
/// A board session recorded in Membership (SessionHeld): what an approval names. Written only by SessionHeldConsumer's
/// upsert, where the highest SessionVersion wins.
/// </summary>
public sealed class SessionReplica
{
    public required Guid SessionId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required DateOnly Date { get; init; }
    public required bool QuorumReached { get; init; }
    public required long SessionVersion { get; init; }
}
