using Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Contracts.Calls;

/// <summary>
/// boards.needs.v1.OfferCatalog as another Boards module calls it: over gRPC when Needs runs as its own service, in
/// process when both run in one (docs/architecture.md, "Calls between modules"). Either way the call acts for the user
/// of the current request (the gRPC client forwards its bearer token) under the endpoint's rules, and a failure is an
/// <c>Grpc.Core.RpcException</c> with the status, detail and google.rpc details the gRPC endpoint gives
/// (DeadlineExceeded once <c>deadline</c>, in UTC, has passed).
/// </summary>
public interface IOfferCatalog
{
    /// <summary>Whether a service is offered in a municipality, and with what capacity (rpc CheckAvailability).</summary>
    Task<Availability> CheckAvailabilityAsync(CheckAvailabilityRequest request, DateTime deadline, CancellationToken cancellationToken);
}
