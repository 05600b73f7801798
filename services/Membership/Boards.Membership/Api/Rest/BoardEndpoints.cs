using System.Security.Claims;
using Boards.Membership.Domain;
using Boards.Membership.Features.AddMember;
using Boards.Membership.Features.AppointFocalPoint;
using Boards.Membership.Features.ChangeBoardStatus;
using Boards.Membership.Features.Common;
using Boards.Membership.Features.CorrectMember;
using Boards.Membership.Features.CreateBoard;
using Boards.Membership.Features.EndMembership;
using Boards.Membership.Features.GetBoard;
using Boards.Membership.Features.ListBoards;
using Boards.Membership.Features.ListFocalPoints;
using Boards.Membership.Features.ListMembers;
using Boards.Membership.Features.UpdateBoard;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Membership.Api.Rest;

/// <summary>
/// REST for the portal under /api/boards, one board per municipality (addressed by its code). Errors become problem
/// details in <see cref="Boards.BuildingBlocks.Errors.ProblemDetailsErrorHandler"/>; scope is checked in the features (<see cref="BoardAccess"/>).
/// The endpoints are named methods so that tests can call them with a constructed user.
/// </summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/boards").WithTags("Mesas").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", ListBoardsAsync).WithSummary("Mesas dentro de su alcance");
        group.MapPost("/", CreateBoardAsync).WithSummary("Registrar la mesa de un municipio (ministry-admin)");
        group.MapGet("/{municipalityCode}", GetBoardAsync).WithSummary("La mesa de un municipio");
        group.MapPut("/{municipalityCode}", UpdateBoardAsync).WithSummary("Registrar el acta de creación y la presidencia de la mesa");
        group.MapPost("/{municipalityCode}/status", ChangeStatusAsync).WithSummary("Cambiar el estado de la mesa (installed, active, inactive)");
        group.MapGet("/{municipalityCode}/members", ListMembersAsync).WithSummary("Miembros activos; con includeCeased=true, también el historial");
        group.MapPost("/{municipalityCode}/members", AddMemberAsync).WithSummary("Agregar un miembro");
        group.MapPut("/{municipalityCode}/members/{memberId}", CorrectMemberAsync).WithSummary("Corregir los datos de una membresía");
        group.MapPost("/{municipalityCode}/members/{memberId}/end", EndMembershipAsync).WithSummary("Terminar una membresía (queda en el historial)");
        group.MapPost("/{municipalityCode}/focal-point", AppointFocalPointAsync).WithSummary("Designar el punto focal (termina el período anterior)");
        group.MapGet("/{municipalityCode}/focal-points", ListFocalPointsAsync).WithSummary("Historial de puntos focales, el más reciente primero");
        Features.ImportMembers.ImportMembersEndpoints.MapMemberImport(group);
        return app;
    }

    public static async Task<Ok<List<BoardView>>> ListBoardsAsync(
        [FromQuery] string? municipalityCode, [FromQuery] BoardStatus? status, ListBoardsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await handler.HandleAsync(new ListBoardsQuery(municipalityCode, status), Caller.From(user), ct)).Select(BoardView.From).ToList());

    public static async Task<Created<BoardView>> CreateBoardAsync(CreateBoardCommand command, CreateBoardHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var board = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/boards/{board.MunicipalityCode}", BoardView.From(board));
    }

    public static async Task<Ok<BoardView>> GetBoardAsync(string municipalityCode, GetBoardHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BoardView.From(await handler.HandleAsync(municipalityCode, Caller.From(user), ct)));

    public static async Task<Ok<BoardView>> UpdateBoardAsync(
        string municipalityCode, UpdateBoardCommand command, UpdateBoardHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BoardView.From(await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct)));

    public static async Task<Ok<MemberChangeView>> CorrectMemberAsync(
        string municipalityCode, string memberId, AddMemberCommand command, CorrectMemberHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, member) = await handler.HandleAsync(municipalityCode, memberId, command, Caller.From(user), ct);
        return TypedResults.Ok(new MemberChangeView(MemberView.From(member), board.Version));
    }

    public static async Task<Ok<BoardView>> ChangeStatusAsync(
        string municipalityCode, ChangeBoardStatusCommand command, ChangeBoardStatusHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BoardView.From(await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct)));

    public static async Task<Ok<List<MemberView>>> ListMembersAsync(
        string municipalityCode, [FromQuery] bool? includeCeased, ListMembersHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await handler.HandleAsync(municipalityCode, includeCeased ?? false, Caller.From(user), ct)).Select(MemberView.From).ToList());

    public static async Task<Created<MemberChangeView>> AddMemberAsync(
        string municipalityCode, AddMemberCommand command, AddMemberHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, member) = await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct);
        return TypedResults.Created($"/api/boards/{board.MunicipalityCode}/members/{member.Id}", new MemberChangeView(MemberView.From(member), board.Version));
    }

    public static async Task<Ok<MemberChangeView>> EndMembershipAsync(
        string municipalityCode, string memberId, EndMembershipCommand command, EndMembershipHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, member) = await handler.HandleAsync(municipalityCode, memberId, command, Caller.From(user), ct);
        return TypedResults.Ok(new MemberChangeView(MemberView.From(member), board.Version));
    }

    public static async Task<Created<FocalPointChangeView>> AppointFocalPointAsync(
        string municipalityCode, AppointFocalPointCommand command, AppointFocalPointHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, term) = await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct);
        return TypedResults.Created($"/api/boards/{board.MunicipalityCode}/focal-points",
            new FocalPointChangeView(FocalPointTermView.From(term, board), board.Version));
    }

    public static async Task<Ok<List<FocalPointTermView>>> ListFocalPointsAsync(
        string municipalityCode, ListFocalPointsHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (board, terms) = await handler.HandleAsync(municipalityCode, Caller.From(user), ct);
        return TypedResults.Ok(terms.Select(t => FocalPointTermView.From(t, board)).ToList());
    }
}

/// <summary>A changed membership and the board's version after the change (send it back as expectedVersion).</summary>
public sealed record MemberChangeView(MemberView Member, long BoardVersion);

public sealed record FocalPointChangeView(FocalPointTermView Term, long BoardVersion);
