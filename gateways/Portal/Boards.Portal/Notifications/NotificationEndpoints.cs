namespace Boards.Portal.Notifications;

public static class NotificationEndpoints
{
    /// <summary>
    /// GET /notificaciones/contador: the bell's count for bell.js, <c>{ "unread": n }</c>, read from Notifications with
    /// the person's own token. 401 when the token is refused, 503 when Notifications does not answer (the bell then
    /// shows no number).
    /// </summary>
    public static IEndpointRouteBuilder MapNotificationCount(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notificaciones/contador", async (BoardsApi api, HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                var result = await api.UnreadCountAsync(http.RequestAborted);
                return result.Outcome switch
                {
                    ApiOutcome.Ok => Results.Json(new { unread = Math.Max(0, result.Value?.Unread ?? 0) }),
                    ApiOutcome.Unauthorized => Results.StatusCode(StatusCodes.Status401Unauthorized),
                    _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
                };
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}
