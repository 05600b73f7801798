namespace Boards.Notifications.Features.Inbox;

/// <summary>A notification as the centre lists it.</summary>
public sealed record NotificationView(
    Guid Id, string Kind, string Title, string Body, string Link, string? MunicipalityCode, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationView From(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.MunicipalityCode, n.CreatedAt, n.ReadAt);
}

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, int Total, int Page, int PageSize);

public sealed record UnreadCount(int Unread);

public sealed record MarkedRead(int Marked);
