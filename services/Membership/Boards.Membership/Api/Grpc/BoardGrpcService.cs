using Boards.Membership.Features.GetBoard;
using Boards.Membership.Features.GetRepresentativity;
using Boards.Membership.Features.ListBoards;
using Boards.Membership.Features.ListMembers;
using Boards.Membership.Features.ListSessions;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Boards.Membership.Contracts.Grpc;

namespace Boards.Membership.Api.Grpc;

/// <summary>boards.membership.v1.BoardService for integrators: read-only. Thin: each RPC maps, calls its feature, maps back.</summary>
[Authorize(Policy = BoardsPolicies.AnyBoardsRole)]
public sealed class BoardGrpcService(
    GetBoardHandler get, ListBoardsHandler list, ListMembersHandler members, GetRepresentativityHandler representativity, ListSessionsHandler sessions) : Proto.BoardService.BoardServiceBase
{
    public override async Task<Proto.Board> GetBoard(Proto.GetBoardRequest request, ServerCallContext context) =>
        GrpcMapper.ToProto(await get.HandleAsync(request.MunicipalityCode, CallerOf(context), context.CancellationToken));

    public override async Task<Proto.ListBoardsResponse> ListBoards(Proto.ListBoardsRequest request, ServerCallContext context)
    {
        BoardStatus? status = null;
        if (request.Status != Proto.BoardStatus.Unspecified)
        {
            status = GrpcMapper.FromProto<Proto.BoardStatus, BoardStatus>(request.Status)
                     ?? throw new ValidationFailedException(new Dictionary<string, string[]> { ["status"] = ["Estado desconocido."] });
        }

        var boards = await list.HandleAsync(new ListBoardsQuery(request.MunicipalityCode, status), CallerOf(context), context.CancellationToken);
        var response = new Proto.ListBoardsResponse();
        response.Boards.AddRange(boards.Select(GrpcMapper.ToProto));
        return response;
    }

    public override Task<Proto.ListMembersResponse> ListMembers(Proto.ListMembersRequest request, ServerCallContext context) =>
        ListMembersAsync(members, request, CallerOf(context), context.CancellationToken);

    /// <summary>The method's body, for this endpoint and for the in-process one (<see cref="InProcess.InProcessBoardService"/>).</summary>
    internal static async Task<Proto.ListMembersResponse> ListMembersAsync(
        ListMembersHandler members, Proto.ListMembersRequest request, Caller caller, CancellationToken ct)
    {
        var roster = await members.HandleAsync(request.MunicipalityCode, request.IncludeCeased, caller, ct);
        var sees = MemberDisclosure.SeesSensitiveData(caller, request.MunicipalityCode);
        var response = new Proto.ListMembersResponse();
        response.Members.AddRange(roster.Select(m => GrpcMapper.ToProto(m, sees)));
        return response;
    }

    public override async Task<Proto.Representativity> GetRepresentativity(Proto.GetRepresentativityRequest request, ServerCallContext context) =>
        GrpcMapper.ToProto(await representativity.HandleAsync(request.MunicipalityCode, CallerOf(context), context.CancellationToken));

    public override async Task<Proto.ListSessionsResponse> ListSessions(Proto.ListSessionsRequest request, ServerCallContext context)
    {
        var (board, list) = await sessions.HandleAsync(request.MunicipalityCode, CallerOf(context), context.CancellationToken);
        var response = new Proto.ListSessionsResponse();
        response.Sessions.AddRange(list.Select(s => GrpcMapper.ToProto(s, board)));
        return response;
    }

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
