namespace Boards.Notifications.Contracts.Events;

/// <summary>
/// A person got a notification in the portal's notification centre. Carries whom (the token's <c>sub</c>) and what kind,
/// never the text: the portal only tells that person's open pages to fetch their unread count again.
/// </summary>
public sealed record NotificationCreated
{
    public required Guid NotificationId { get; init; }
    public required string RecipientSubject { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
