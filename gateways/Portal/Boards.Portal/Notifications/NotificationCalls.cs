namespace Boards.Portal.Notifications;

/// <summary>Notifications (<c>/api/notifications</c>): everything is the caller's own (the token's <c>sub</c>).</summary>
public static class NotificationCalls
{
    public const int PageSize = 20;

    /// <summary>
    /// The bell is on every page: a Notifications service that hangs may slow each page by this much at most, never
    /// by the whole <c>Portal:ApiTimeoutSeconds</c>.
    /// </summary>
    public static readonly TimeSpan BellWait = TimeSpan.FromSeconds(2);

    /// <summary>Newest first; <paramref name="unreadOnly"/> asks <c>status=unread</c>, else <c>all</c>.</summary>
    public static Task<ApiResult<NotificationPage>> NotificationsAsync(this BoardsApi api, bool unreadOnly, int page, CancellationToken ct = default) =>
        api.SendAsync<NotificationPage>(HttpMethod.Get,
            $"api/notifications?status={(unreadOnly ? "unread" : "all")}&page={Math.Max(1, page)}&pageSize={PageSize}", null, ct);

    /// <summary>The unread count, waiting at most <see cref="BellWait"/>; past it the answer is <see cref="ApiOutcome.Unavailable"/>.</summary>
    public static async Task<ApiResult<UnreadCount>> UnreadCountAsync(this BoardsApi api, CancellationToken ct = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(BellWait);
        try
        {
            return await api.SendAsync<UnreadCount>(HttpMethod.Get, "api/notifications/unread-count", null, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ApiResult<UnreadCount> { Outcome = ApiOutcome.Unavailable, Status = StatusCodes.Status503ServiceUnavailable };
        }
    }

    /// <summary>204; someone else's or an unknown id answers 404.</summary>
    public static Task<ApiResult<object>> MarkReadAsync(this BoardsApi api, Guid id, CancellationToken ct = default) =>
        api.SendAsync<object>(HttpMethod.Post, $"api/notifications/{id}/read", null, ct);

    public static Task<ApiResult<ReadAllAnswer>> MarkAllReadAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<ReadAllAnswer>(HttpMethod.Post, "api/notifications/read-all", null, ct);

    public static Task<ApiResult<NotificationPreferencesView>> PreferencesAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<NotificationPreferencesView>(HttpMethod.Get, "api/notifications/preferences", null, ct);

    /// <summary>The answer's body is not read (the page redirects): 200 with the preferences or 204 both mean saved.</summary>
    public static Task<ApiResult<object>> SavePreferencesAsync(this BoardsApi api, object body, CancellationToken ct = default) =>
        api.SendAsync<object>(HttpMethod.Put, "api/notifications/preferences", body, ct);

    /// <summary>ministry-admin only (403 for anyone else).</summary>
    public static Task<ApiResult<DeliveryProblemsView>> DeliveryProblemsAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<DeliveryProblemsView>(HttpMethod.Get, "api/notifications/delivery-problems", null, ct);
}
