using Boards.Membership.Contracts.Grpc;

namespace Boards.Membership.Contracts.Calls;

/// <summary>
/// boards.membership.v1.BoardService as another Boards module calls it: over gRPC when Membership runs as its own
/// service, in process when both run in one (docs/architecture.md, "Calls between modules"). Either way the call acts
/// for the user of the current request (the gRPC client forwards its bearer token) under the endpoint's rules and
/// scope, and a failure is an <c>Grpc.Core.RpcException</c> with the status, detail and google.rpc details the
/// gRPC endpoint gives (DeadlineExceeded once <c>deadline</c>, in UTC, has passed).
/// </summary>
public interface IBoardService
{
    /// <summary>A board's roster (rpc ListMembers): NotFound when the municipality has no board.</summary>
    Task<ListMembersResponse> ListMembersAsync(ListMembersRequest request, DateTime deadline, CancellationToken cancellationToken);
}
