using Boards.BuildingBlocks.Api.Calls;
using Boards.Referrals.Api.Grpc;
using Boards.Referrals.Contracts.Calls;
using Boards.Referrals.Features.CreateReferral;
using Microsoft.Extensions.Options;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Api.InProcess;

/// <summary>
/// boards.referrals.v1.ReferralService for the other modules of this process: <see cref="ReferralGrpcService"/>'s own
/// bodies, policy and errors, without the network (<see cref="InProcessCalls"/>; docs/architecture.md, "Calls between
/// modules"). The handler runs in a request that looks like the gRPC one, so the read audit records the same door (grpc).
/// </summary>
public sealed class InProcessReferralService(InProcessCalls calls) : IReferralService
{
    private static readonly string CreateReferral = $"{Proto.ReferralService.Descriptor.FullName}/CreateReferral";

    public Task<Proto.Referral> CreateReferralAsync(Proto.CreateReferralRequest request, DateTime deadline, CancellationToken cancellationToken) =>
        calls.UnaryAsync(CreateReferral, BoardsPolicies.AnyBoardsRole, request, deadline, cancellationToken, (services, message, user, ct) =>
            ReferralGrpcService.CreateReferralAsync(
                services.GetRequiredService<CreateReferralHandler>(), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<IOptions<ReferralsOptions>>().Value, message, Caller.From(user), ct));
}
