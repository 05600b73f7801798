using System.Security.Claims;
using Boards.Needs.Features.AddNeed;
using Boards.Needs.Features.CastBallot;
using Boards.Needs.Features.CloseRound;
using Boards.Needs.Features.CorrectNeed;
using Boards.Needs.Features.GetRanking;
using Boards.Needs.Features.GetRound;
using Boards.Needs.Features.ListRounds;
using Boards.Needs.Features.OpenRound;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Needs.Api.Rest;

/// <summary>Needs assessment rounds under /api/needs/rounds: one handler per route; scope is checked in the handlers.</summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/needs/rounds").WithTags("Diagnóstico de necesidades").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", ListAsync).WithSummary("Rondas de diagnóstico; con municipality, solo las de ese municipio");
        group.MapPost("/", OpenAsync).WithSummary("Abrir una ronda de diagnóstico para un municipio y período");
        group.MapGet("/{roundId:guid}", GetAsync).WithSummary("Una ronda: necesidades, boletas y orden de prioridades (Borda)");
        group.MapPost("/{roundId:guid}/needs", AddNeedAsync).WithSummary("Registrar una necesidad en la ronda abierta");
        group.MapPut("/{roundId:guid}/needs/{needId:guid}", CorrectNeedAsync).WithSummary("Corregir una necesidad mientras la ronda está abierta");
        group.MapPut("/{roundId:guid}/ballots/{memberId:guid}", CastBallotAsync).WithSummary("Registrar (o reemplazar) la boleta de un miembro de la mesa");
        group.MapGet("/{roundId:guid}/ranking", RankingAsync).WithSummary("El orden de prioridades y la regla que lo produce");
        group.MapPost("/{roundId:guid}/close", CloseAsync).WithSummary("Cerrar la ronda: congela el orden y publica NeedsPrioritized");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RoundSummaryView>>> ListAsync(
        [FromQuery] string? municipality, ListRoundsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(municipality, Caller.From(user), ct));

    public static async Task<Created<RoundView>> OpenAsync(OpenRoundCommand command, OpenRoundHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/needs/rounds/{round.Id}", RoundView.From(round));
    }

    public static async Task<Ok<RoundView>> GetAsync(Guid roundId, GetRoundHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(RoundView.From(await handler.HandleAsync(roundId, Caller.From(user), ct)));

    public static async Task<Created<NeedView>> AddNeedAsync(Guid roundId, NeedInput input, AddNeedHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (round, need) = await handler.HandleAsync(roundId, input, Caller.From(user), ct);
        return TypedResults.Created($"/api/needs/rounds/{round.Id}", NeedView.From(need));
    }

    public static async Task<Ok<NeedView>> CorrectNeedAsync(
        Guid roundId, Guid needId, NeedInput input, CorrectNeedHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(NeedView.From((await handler.HandleAsync(roundId, needId, input, Caller.From(user), ct)).Need));

    public static async Task<Ok<BallotView>> CastBallotAsync(
        Guid roundId, Guid memberId, CastBallotCommand command, CastBallotHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BallotView.From((await handler.HandleAsync(roundId, memberId, command, Caller.From(user), ct)).Ballot));

    public static async Task<Ok<RankingView>> RankingAsync(Guid roundId, GetRankingHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(roundId, Caller.From(user), ct));

    public static async Task<Ok<RoundView>> CloseAsync(
        Guid roundId, CloseRoundCommand command, CloseRoundHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(RoundView.From(await handler.HandleAsync(roundId, command, Caller.From(user), ct)));
}
