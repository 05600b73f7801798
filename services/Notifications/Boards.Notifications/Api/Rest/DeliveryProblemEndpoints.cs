using Boards.Notifications.Features.DeliveryProblems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Notifications.Api.Rest;

/// <summary>For ministry-admin: the e-mails that bounced, failed or are still retrying, and the people without an address.</summary>
public static class DeliveryProblemEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryProblemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications/delivery-problems",
                async Task<Ok<DeliveryProblemsView>> (DeliveryProblemsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithTags("Notificaciones")
            .RequireAuthorization(BoardsPolicies.MinistryAdmin)
            .WithSummary("Correos rebotados, fallidos o en reintento, personas sin dirección de correo, y avisos que esperan al proveedor de identidad");
        return app;
    }
}
