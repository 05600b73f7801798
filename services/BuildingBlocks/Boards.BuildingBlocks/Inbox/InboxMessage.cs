namespace Boards.BuildingBlocks.Inbox;

/// <summary>A message a consumer has already handled; its key makes a second delivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
