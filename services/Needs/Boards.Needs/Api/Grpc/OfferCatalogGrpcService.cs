using Boards.Needs.Features.CheckAvailability;
using Boards.Needs.Features.GetService;
using Boards.Needs.Features.ListServices;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Api.Grpc;

/// <summary>boards.needs.v1.OfferCatalog for integrators and other services: read-only. Thin: map, call the handler, map back.</summary>
[Authorize(Policy = BoardsPolicies.AnyBoardsRole)]
public sealed class OfferCatalogGrpcService(
    ListServicesHandler listServices, GetServiceHandler getService, CheckAvailabilityHandler checkAvailability)
    : Proto.OfferCatalog.OfferCatalogBase
{
    public override async Task<Proto.ListServicesResponse> ListServices(Proto.ListServicesRequest request, ServerCallContext context)
    {
        var services = await listServices.HandleAsync(request.MunicipalityCode, request.Category, CallerOf(context), context.CancellationToken);
        var response = new Proto.ListServicesResponse();
        response.Services.AddRange(services.Select(GrpcMapper.ToProto));
        return response;
    }

    public override async Task<Proto.OfferedService> GetService(Proto.GetServiceRequest request, ServerCallContext context) =>
        GrpcMapper.ToProto(await getService.HandleAsync(request.MunicipalityCode, request.ServiceCode, CallerOf(context), context.CancellationToken));

    public override Task<Proto.Availability> CheckAvailability(Proto.CheckAvailabilityRequest request, ServerCallContext context) =>
        CheckAvailabilityAsync(checkAvailability, request, CallerOf(context), context.CancellationToken);

    /// <summary>The method's body, for this endpoint and for the in-process one (<see cref="InProcess.InProcessOfferCatalog"/>).</summary>
    internal static async Task<Proto.Availability> CheckAvailabilityAsync(
        CheckAvailabilityHandler handler, Proto.CheckAvailabilityRequest request, Caller caller, CancellationToken ct) =>
        GrpcMapper.ToProto(await handler.HandleAsync(request.MunicipalityCode, request.ServiceCode, caller, ct));

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
