using System.Security.Claims;
using Boards.Membership.Features.ChangeAgreementStatus;
using Boards.Membership.Features.CloseSession;
using Boards.Membership.Features.CorrectSession;
using Boards.Membership.Features.GetSession;
using Boards.Membership.Features.ListSessions;
using Boards.Membership.Features.RecordSession;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Membership.Api.Rest;

/// <summary>Sessions (sesiones) of a board under /api/boards/{municipalityCode}/sessions; scope as the board's.</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/boards/{municipalityCode}/sessions").WithTags("Sesiones").RequireAuthorization(BoardsPolicies.AnyBoardsRole);
        group.MapGet("/", ListSessionsAsync).WithSummary("Sesiones de la mesa, la más reciente primero");
        group.MapPost("/", RecordSessionAsync).WithSummary("Registrar una sesión con su asistencia y sus acuerdos");
        group.MapGet("/{sessionId}", GetSessionAsync).WithSummary("Una sesión");
        group.MapPatch("/{sessionId}", CorrectSessionAsync).WithSummary("Corregir el acta o la asistencia de una sesión en borrador");
        group.MapPost("/{sessionId}/close", CloseSessionAsync).WithSummary("Cerrar el acta: ya no se corrige");
        group.MapPost("/{sessionId}/agreements/{agreementId}/status", ChangeAgreementStatusAsync)
            .WithSummary("Cambiar el estado de un acuerdo (pending, in_progress, done, cancelled)");
        return app;
    }

    public static async Task<Ok<List<SessionView>>> ListSessionsAsync(
        string municipalityCode, ListSessionsHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, sessions) = await handler.HandleAsync(municipalityCode, Caller.From(user), ct);
        return TypedResults.Ok(sessions.Select(s => SessionView.From(s, board)).ToList());
    }

    public static async Task<Created<SessionView>> RecordSessionAsync(
        string municipalityCode, RecordSessionCommand command, RecordSessionHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, session) = await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct);
        return TypedResults.Created($"/api/boards/{board.MunicipalityCode}/sessions/{session.Id}", SessionView.From(session, board));
    }

    public static async Task<Ok<SessionView>> GetSessionAsync(
        string municipalityCode, string sessionId, GetSessionHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, session) = await handler.HandleAsync(municipalityCode, sessionId, Caller.From(user), ct);
        return TypedResults.Ok(SessionView.From(session, board));
    }

    public static async Task<Ok<SessionView>> CorrectSessionAsync(
        string municipalityCode, string sessionId, CorrectSessionCommand command, CorrectSessionHandler handler, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var (board, session) = await handler.HandleAsync(municipalityCode, sessionId, command, Caller.From(user), ct);
        return TypedResults.Ok(SessionView.From(session, board));
    }

    public static async Task<Ok<SessionView>> CloseSessionAsync(
        string municipalityCode, string sessionId, CloseSessionCommand command, CloseSessionHandler handler, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var (board, session) = await handler.HandleAsync(municipalityCode, sessionId, command, Caller.From(user), ct);
        return TypedResults.Ok(SessionView.From(session, board));
    }

    public static async Task<Ok<SessionView>> ChangeAgreementStatusAsync(
        string municipalityCode, string sessionId, string agreementId, ChangeAgreementStatusCommand command, ChangeAgreementStatusHandler handler,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, session, _) = await handler.HandleAsync(municipalityCode, sessionId, agreementId, command, Caller.From(user), ct);
        return TypedResults.Ok(SessionView.From(session, board));
    }
}
