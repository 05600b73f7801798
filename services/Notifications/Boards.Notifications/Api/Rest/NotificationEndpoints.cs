using Boards.Notifications.Features.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Notifications.Api.Rest;

/// <summary>The caller's own notification centre: list, unread count, mark read. Nobody reads another's.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notificaciones").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", async Task<Ok<NotificationPage>> (string? status, int? page, int? pageSize, InboxHandler inbox, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await inbox.ListAsync(Caller.From(http.User), status, page, pageSize, ct)))
            .WithSummary("Mis notificaciones, de la más nueva a la más antigua (status=unread para las no leídas)");

        group.MapGet("/unread-count", async Task<Ok<UnreadCount>> (InboxHandler inbox, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await inbox.UnreadAsync(Caller.From(http.User), ct)))
            .WithSummary("Cuántas de mis notificaciones no leí (la campana del portal)");

        group.MapPost("/{id:guid}/read", async Task<NoContent> (Guid id, InboxHandler inbox, HttpContext http, CancellationToken ct) =>
            {
                await inbox.MarkReadAsync(Caller.From(http.User), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Marcar una de mis notificaciones como leída");

        group.MapPost("/read-all", async Task<Ok<MarkedRead>> (InboxHandler inbox, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await inbox.MarkAllReadAsync(Caller.From(http.User), ct)))
            .WithSummary("Marcar todas mis notificaciones como leídas");
        return app;
    }
}
