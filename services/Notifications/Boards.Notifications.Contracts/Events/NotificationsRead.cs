namespace Boards.Notifications.Contracts.Events;

/// <summary>A person marked one or all of their notifications as read: their other open pages update the count.</summary>
public sealed record NotificationsRead
{
    public required string RecipientSubject { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
