using System.Security.Claims;
using Boards.ServiceDays.Features.RecordAttendance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.ServiceDays.Api.Rest;

/// <summary>Attendance batches from the tablets: POST /api/service-days/{id}/attendance-batches.</summary>
public static class AttendanceEndpoints
{
    public static IEndpointRouteBuilder MapAttendanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/service-days/{id:guid}/attendance-batches", RecordAsync)
            .WithTags("Jornadas de servicios").RequireAuthorization(BoardsPolicies.AnyBoardsRole)
            .WithSummary("Registrar un lote de asistencia (idempotente por batchId)");
        return app;
    }

    public static async Task<Ok<AttendanceResult>> RecordAsync(
        Guid id, RecordAttendanceCommand command, RecordAttendanceHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, command, Caller.From(user), ct));
}
