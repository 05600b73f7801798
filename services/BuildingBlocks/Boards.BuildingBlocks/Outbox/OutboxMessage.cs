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
    /// <summary>Set when the message can never be published (its type is gone or its payload unreadable): kept, not retried.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
