using System.Security.Claims;
using Boards.Membership.Features.AddMember;
using Boards.Membership.Features.AppointFocalPoint;
using Boards.Membership.Features.ChangeBoardStatus;
using Boards.Membership.Features.CorrectMember;
using Boards.Membership.Features.CreateBoard;
using Boards.Membership.Features.EndMembership;
using Boards.Membership.Features.GetBoard;
using Boards.Membership.Features.ListBoards;
using Boards.Membership.Features.ListFocalPoints;
using Boards.Membership.Features.ListMembers;
using Boards.Membership.Features.UpdateBoard;
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
    /// <summary>The OpenAPI description of every read that returns members (docs/membership.md, "Sensitive member data").</summary>
    public const string SensitiveData =
        "Datos sensibles: indigenous, disability y account (y accessDetail en el historial de puntos focales) solo llegan al ministerio, " +
        "al punto focal del municipio y a los funcionarios de instituciones que sirven en él; para los demás son null y " +
        "sensitiveDataHidden es true. Un account null con sensitiveDataHidden false significa que la persona no tiene cuenta.";

    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/boards").WithTags("Mesas").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", ListBoardsAsync).WithSummary("Mesas dentro de su alcance");
        group.MapPost("/", CreateBoardAsync).WithSummary("Registrar la mesa de un municipio (ministry-admin)");
        group.MapGet("/{municipalityCode}", GetBoardAsync).WithSummary("La mesa de un municipio");
        group.MapPut("/{municipalityCode}", UpdateBoardAsync).WithSummary("Registrar el acta de creación y la presidencia de la mesa");
        group.MapPost("/{municipalityCode}/status", ChangeStatusAsync).WithSummary("Cambiar el estado de la mesa (installed, active, inactive)");
        group.MapGet("/{municipalityCode}/members", ListMembersAsync).WithSummary("Miembros activos; con includeCeased=true, también el historial")
            .WithDescription(SensitiveData);
        group.MapPost("/{municipalityCode}/members", AddMemberAsync).WithSummary("Agregar un miembro");
        group.MapPut("/{municipalityCode}/members/{memberId}", CorrectMemberAsync).WithSummary("Corregir los datos de una membresía");
        group.MapPost("/{municipalityCode}/members/{memberId}/end", EndMembershipAsync).WithSummary("Terminar una membresía (queda en el historial)");
        group.MapPost("/{municipalityCode}/focal-point", AppointFocalPointAsync).WithSummary("Designar el punto focal (termina el período anterior)");
        group.MapGet("/{municipalityCode}/focal-points", ListFocalPointsAsync).WithSummary("Historial de puntos focales, el más reciente primero")
            .WithDescription(SensitiveData);
        ImportMembersEndpoints.MapMemberImport(group);
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
        var caller = Caller.From(user);
        var (board, member) = await handler.HandleAsync(municipalityCode, memberId, command, caller, ct);
        return TypedResults.Ok(MemberChangeView.From(member, board, caller));
    }

    public static async Task<Ok<BoardView>> ChangeStatusAsync(
        string municipalityCode, ChangeBoardStatusCommand command, ChangeBoardStatusHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(BoardView.From(await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct)));

    public static async Task<Ok<List<MemberView>>> ListMembersAsync(
        string municipalityCode, [FromQuery] bool? includeCeased, ListMembersHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var members = await handler.HandleAsync(municipalityCode, includeCeased ?? false, caller, ct);
        var sees = MemberDisclosure.SeesSensitiveData(caller, municipalityCode);
        return TypedResults.Ok(members.Select(m => MemberView.From(m, sees)).ToList());
    }

    public static async Task<Created<MemberChangeView>> AddMemberAsync(
        string municipalityCode, AddMemberCommand command, AddMemberHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var (board, member) = await handler.HandleAsync(municipalityCode, command, caller, ct);
        return TypedResults.Created($"/api/boards/{board.MunicipalityCode}/members/{member.Id}", MemberChangeView.From(member, board, caller));
    }

    public static async Task<Ok<MemberChangeView>> EndMembershipAsync(
        string municipalityCode, string memberId, EndMembershipCommand command, EndMembershipHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var (board, member) = await handler.HandleAsync(municipalityCode, memberId, command, caller, ct);
        return TypedResults.Ok(MemberChangeView.From(member, board, caller));
    }

    public static async Task<Created<FocalPointChangeView>> AppointFocalPointAsync(
        string municipalityCode, AppointFocalPointCommand command, AppointFocalPointHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var (board, term) = await handler.HandleAsync(municipalityCode, command, caller, ct);
        return TypedResults.Created($"/api/boards/{board.MunicipalityCode}/focal-points",
            new FocalPointChangeView(FocalPointTermView.From(term, board, MemberDisclosure.SeesSensitiveData(caller, board.MunicipalityCode)), board.Version));
    }

    public static async Task<Ok<List<FocalPointTermView>>> ListFocalPointsAsync(
        string municipalityCode, ListFocalPointsHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var (board, terms) = await handler.HandleAsync(municipalityCode, caller, ct);
        var sees = MemberDisclosure.SeesSensitiveData(caller, board.MunicipalityCode);
        return TypedResults.Ok(terms.Select(t => FocalPointTermView.From(t, board, sees)).ToList());
    }
}

/// <summary>A changed membership and the board's version after the change (send it back as expectedVersion).</summary>
public sealed record MemberChangeView(MemberView Member, long BoardVersion)
{
    /// <summary>Only editors get here, and they all see sensitive data today; the rule is applied anyway, in one place.</summary>
    public static MemberChangeView From(Member member, Board board, Caller caller) =>
        new(MemberView.From(member, MemberDisclosure.SeesSensitiveData(caller, board.MunicipalityCode)), board.Version);
}

public sealed record FocalPointChangeView(FocalPointTermView Term, long BoardVersion);
