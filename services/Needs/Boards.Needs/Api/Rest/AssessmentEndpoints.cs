using System.Security.Claims;
using Boards.Needs.Features.Assessment;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Needs.Api.Rest;

/// <summary>Needs assessment rounds under /api/needs/rounds. Scope is checked in <see cref="AssessmentRounds"/>.</summary>
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
        [FromQuery] string? municipality, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await rounds.ListAsync(municipality, Caller.From(user), ct));

    public static async Task<Created<RoundView>> OpenAsync(OpenRoundCommand command, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await rounds.OpenAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/needs/rounds/{round.Id}", RoundView.From(round));
    }

    public static async Task<Ok<RoundView>> GetAsync(Guid roundId, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(RoundView.From(await rounds.GetAsync(roundId, Caller.From(user), ct)));

    public static async Task<Created<NeedView>> AddNeedAsync(Guid roundId, NeedInput input, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct)
    {
        var (round, need) = await rounds.AddNeedAsync(roundId, input, Caller.From(user), ct);
        return TypedResults.Created($"/api/needs/rounds/{round.Id}", NeedView.From(need));
    }

    public static async Task<Ok<NeedView>> CorrectNeedAsync(
        Guid roundId, Guid needId, NeedInput input, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(NeedView.From((await rounds.CorrectNeedAsync(roundId, needId, input, Caller.From(user), ct)).Need));

    public static async Task<Ok<BallotView>> CastBallotAsync(
        Guid roundId, Guid memberId, CastBallotCommand command, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BallotView.From((await rounds.CastBallotAsync(roundId, memberId, command, Caller.From(user), ct)).Ballot));

    public static async Task<Ok<RankingView>> RankingAsync(Guid roundId, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(RoundRanking.Of(await rounds.GetAsync(roundId, Caller.From(user), ct)));

    public static async Task<Ok<RoundView>> CloseAsync(
        Guid roundId, CloseRoundCommand command, AssessmentRounds rounds, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(RoundView.From(await rounds.CloseAsync(roundId, command, Caller.From(user), ct)));
}
