using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// ministry-admin's view of what a service's messaging set aside, under the service's own REST prefix (so the
/// gateway routes it): <c>{prefix}/messaging/parked</c> for the consumers' failures, <c>{prefix}/messaging/outbox</c>
/// for events the relay set aside, each listed and replayed one by one or all together (docs/messaging.md).
/// </summary>
public static class MessagingAdminEndpoints
{
    public static IEndpointRouteBuilder MapMessagingAdminEndpoints<TDbContext>(this IEndpointRouteBuilder app, string apiPrefix)
        where TDbContext : DbContext
    {
        var group = app.MapGroup($"{apiPrefix}/messaging").WithTags("Mensajería: mensajes apartados")
            .RequireAuthorization(BoardsPolicies.MinistryAdmin);

        group.MapGet("/parked", async Task<Ok<ParkedMessagesView>> (MessagingAdmin<TDbContext> admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.ParkedAsync(ct)))
            .WithSummary("Mensajes cuyo consumidor falló: los que esperan un reenvío y los apartados (los 100 más recientes)");
        group.MapPost("/parked/{id:guid}/replay", async Task<Accepted<ReplayView>> (Guid id, MessagingAdmin<TDbContext> admin, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await admin.ReplayAsync(id, ct)))
            .WithSummary("Reenviar ahora un mensaje apartado a la cola de su consumidor");
        group.MapPost("/parked/replay", async Task<Accepted<ReplayView>> (MessagingAdmin<TDbContext> admin, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await admin.ReplayAsync(null, ct)))
            .WithSummary("Reenviar ahora todos los mensajes apartados");

        group.MapGet("/outbox", async Task<Ok<DeadLetteredEventsView>> (MessagingAdmin<TDbContext> admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.DeadLetteredAsync(ct)))
            .WithSummary("Eventos de este servicio que no se pudieron publicar y quedaron apartados (los 100 más recientes)");
        group.MapPost("/outbox/{id:guid}/replay", async Task<Accepted<ReplayView>> (Guid id, MessagingAdmin<TDbContext> admin, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await admin.ReplayDeadLetteredAsync(id, ct)))
            .WithSummary("Volver a publicar un evento apartado");
        group.MapPost("/outbox/replay", async Task<Accepted<ReplayView>> (MessagingAdmin<TDbContext> admin, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await admin.ReplayDeadLetteredAsync(null, ct)))
            .WithSummary("Volver a publicar todos los eventos apartados");
        return app;
    }
}
