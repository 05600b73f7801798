namespace Boards.BuildingBlocks.Outbox;

/// <summary>An integration event written in the same transaction as the change it describes, published later by the relay.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>
    /// Set when the message is set aside: it can never be published (its type is gone or its payload unreadable), or the
    /// broker refused it <see cref="OutboxOptions.MaxRefusals"/> times. Kept, not retried, until an operator replays it.
    /// </summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }
    /// <summary>Every failed attempt, also while the broker was down.</summary>
    public int Attempts { get; set; }
    /// <summary>Failed attempts while the broker answered (it confirmed another publish in the same pass): the message itself is the problem.</summary>
    public int Refusals { get; set; }
    public string? LastError { get; set; }
}
