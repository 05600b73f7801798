using Boards.Monitoring.Contracts.Grpc;
using Boards.Monitoring.Features.GetMunicipality;
using Boards.Monitoring.Features.GetMunicipalityTrends;
using Boards.Monitoring.Features.ListMunicipalities;
using Boards.Monitoring.Features.ListWarnings;
using Boards.ServiceDefaults.Authentication;
using Grpc.Core;
using MunicipalitySummary = Boards.Monitoring.Contracts.Grpc.MunicipalitySummary;
using MunicipalityTrends = Boards.Monitoring.Contracts.Grpc.MunicipalityTrends;

namespace Boards.Monitoring.Api.Grpc;

/// <summary>
/// boards.monitoring.v1.MonitoringService. Thin: each RPC reads the caller from the bearer token, calls its handler and
/// maps the answer (<see cref="GrpcMapper"/>); refusals become gRPC statuses in the shared GrpcErrorInterceptor.
/// </summary>
public sealed class MonitoringGrpcService(
    ListMunicipalitiesHandler listMunicipalities,
    GetMunicipalityHandler getMunicipality,
    GetMunicipalityTrendsHandler getMunicipalityTrends,
    ListWarningsHandler listWarnings)
    : MonitoringService.MonitoringServiceBase
{
    public override async Task<ListMunicipalitiesResponse> ListMunicipalities(ListMunicipalitiesRequest request, ServerCallContext context)
    {
        var summaries = await listMunicipalities.HandleAsync(CallerOf(context), context.CancellationToken);
        var response = new ListMunicipalitiesResponse();
        response.Municipalities.AddRange(summaries.Select(GrpcMapper.ToProto));
        return response;
    }

    public override async Task<MunicipalitySummary> GetMunicipality(GetMunicipalityRequest request, ServerCallContext context) =>
        GrpcMapper.ToProto(await getMunicipality.HandleAsync(CallerOf(context), request.Code, context.CancellationToken));

    public override async Task<MunicipalityTrends> GetMunicipalityTrends(GetMunicipalityTrendsRequest request, ServerCallContext context) =>
        GrpcMapper.ToProto(await getMunicipalityTrends.HandleAsync(CallerOf(context), request.Code, context.CancellationToken));

    public override async Task<ListWarningsResponse> ListWarnings(ListWarningsRequest request, ServerCallContext context)
    {
        var warnings = await listWarnings.HandleAsync(CallerOf(context), request.Municipality, request.Status, context.CancellationToken);
        var response = new ListWarningsResponse();
        response.Warnings.AddRange(warnings.Select(GrpcMapper.ToProto));
        return response;
    }

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
