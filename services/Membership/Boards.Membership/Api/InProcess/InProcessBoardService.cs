using Boards.BuildingBlocks.Api.Calls;
using Boards.Membership.Api.Grpc;
using Boards.Membership.Contracts.Calls;
using Boards.Membership.Features.ListMembers;
using Proto = Boards.Membership.Contracts.Grpc;

namespace Boards.Membership.Api.InProcess;

/// <summary>
/// boards.membership.v1.BoardService for the other modules of this process: <see cref="BoardGrpcService"/>'s own
/// bodies, policy and errors, without the network (<see cref="InProcessCalls"/>; docs/architecture.md, "Calls between modules").
/// </summary>
public sealed class InProcessBoardService(InProcessCalls calls) : IBoardService
{
    private static readonly string ListMembers = $"{Proto.BoardService.Descriptor.FullName}/ListMembers";

    public Task<Proto.ListMembersResponse> ListMembersAsync(Proto.ListMembersRequest request, DateTime deadline, CancellationToken cancellationToken) =>
        calls.UnaryAsync(ListMembers, BoardsPolicies.AnyBoardsRole, request, deadline, cancellationToken, (services, message, user, ct) =>
            BoardGrpcService.ListMembersAsync(services.GetRequiredService<ListMembersHandler>(), message, Caller.From(user), ct));
}
