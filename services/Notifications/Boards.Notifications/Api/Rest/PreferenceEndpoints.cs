using Boards.Notifications.Features.Preferences;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Notifications.Api.Rest;

/// <summary>How the caller wants to be told, per kind, and when their daily digest goes.</summary>
public static class PreferenceEndpoints
{
    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications/preferences").WithTags("Notificaciones")
            .RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", async Task<Ok<PreferencesView>> (PreferencesHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(Caller.From(http.User), ct)))
            .WithSummary("Mis preferencias: por tipo de aviso, correo inmediato, resumen diario o desactivado; y la hora del resumen");

        group.MapPut("/", async Task<Ok<PreferencesView>> (PreferencesChange change, PreferencesHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.ChangeAsync(Caller.From(http.User), change, ct)))
            .WithSummary("Cambiar mis preferencias (digestTime en HH:mm, hora de Paraguay; kinds: tipo → immediate, digest u off)");
        return app;
    }
}
