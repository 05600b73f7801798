using Boards.BuildingBlocks.Api.Calls;
using Boards.Needs.Api.Grpc;
using Boards.Needs.Contracts.Calls;
using Boards.Needs.Features.CheckAvailability;
using Proto = Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Api.InProcess;

/// <summary>
/// boards.needs.v1.OfferCatalog for the other modules of this process: <see cref="OfferCatalogGrpcService"/>'s own
/// body, policy and errors, without the network (<see cref="InProcessCalls"/>; docs/architecture.md, "Calls between modules").
/// </summary>
public sealed class InProcessOfferCatalog(InProcessCalls calls) : IOfferCatalog
{
    private static readonly string CheckAvailability = $"{Proto.OfferCatalog.Descriptor.FullName}/CheckAvailability";

    public Task<Proto.Availability> CheckAvailabilityAsync(Proto.CheckAvailabilityRequest request, DateTime deadline, CancellationToken cancellationToken) =>
        calls.UnaryAsync(CheckAvailability, BoardsPolicies.AnyBoardsRole, request, deadline, cancellationToken, (services, message, user, ct) =>
            OfferCatalogGrpcService.CheckAvailabilityAsync(services.GetRequiredService<CheckAvailabilityHandler>(), message, Caller.From(user), ct));
}
