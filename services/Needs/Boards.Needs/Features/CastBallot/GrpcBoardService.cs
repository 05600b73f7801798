using Boards.Membership.Contracts.Calls;
using Boards.Membership.Contracts.Grpc;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;

namespace Boards.Needs.Features.CastBallot;

/// <summary>
/// Membership's BoardService over gRPC (Membership as its own service): the caller's own bearer token, the caller's
/// deadline, one attempt. In one process with Membership, Membership's in-process adapter replaces this one.
/// </summary>
public sealed class GrpcBoardService(GrpcClientFactory clients, IOptions<MembershipRosterOptions> options, IHttpContextAccessor http) : IBoardService
{
    public const string ClientName = "membership-board-roster";

    /// <summary>False without Needs:Membership:Address: there is nobody to ask.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Address);

    public async Task<ListMembersResponse> ListMembersAsync(ListMembersRequest request, DateTime deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            headers.Add("authorization", authorization);
        }

        return await clients.CreateClient<BoardService.BoardServiceClient>(ClientName).ListMembersAsync(request, headers, deadline, cancellationToken);
    }
}
