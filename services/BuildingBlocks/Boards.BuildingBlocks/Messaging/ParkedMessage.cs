namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// A message whose consumer still failed after its retries in place, kept in the service's own database (table
/// <c>parked_messages</c>, one row per message id and queue). While <see cref="NextAttemptAt"/> is set it is sent back
/// to its queue at that time; once every redelivery failed too it is parked for good (<see cref="ParkedAt"/>) until an
/// operator replays it. A message handled on redelivery takes its row away.
/// </summary>
public sealed class ParkedMessage
{
    public Guid Id { get; init; }
    /// <summary>The message's own id, kept on every redelivery: the consumers' inbox key, so a replay is never handled twice.</summary>
    public Guid MessageId { get; init; }
    /// <summary>The receive endpoint (queue) whose consumer failed; redeliveries go back to it.</summary>
    public required string Queue { get; init; }
    /// <summary>"Namespace.Type, Assembly", as in the outbox.</summary>
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }
    public DateTimeOffset FirstFailedAt { get; init; }
    public DateTimeOffset LastFailedAt { get; set; }
    /// <summary>Deliveries that failed after their retries in place (the first one and each redelivery that failed).</summary>
    public int Failures { get; set; }
    /// <summary>Times the message was sent back to its queue.</summary>
    public int Redeliveries { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ParkedAt { get; set; }
    public string? LastError { get; set; }
}
