using Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Contracts.Calls;

/// <summary>
/// boards.referrals.v1.ReferralService as another Boards module calls it: over gRPC when Referrals runs as its own
/// service, in process when both run in one (docs/architecture.md, "Calls between modules"). Either way the call acts
/// for the user of the current request (the gRPC client forwards its bearer token) under the endpoint's rules and
/// scope, and a failure is an <c>Grpc.Core.RpcException</c> with the status, detail and google.rpc details the
/// gRPC endpoint gives (DeadlineExceeded once <c>deadline</c>, in UTC, has passed).
/// </summary>
public interface IReferralService
{
    /// <summary>Creates a referral, or answers the one its request id already created (rpc CreateReferral).</summary>
    Task<Referral> CreateReferralAsync(CreateReferralRequest request, DateTime deadline, CancellationToken cancellationToken);
}
