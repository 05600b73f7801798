using Boards.Monitoring.Contracts.Grpc;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Grpc.Core;
using Domain = Boards.Monitoring.Domain;

namespace Boards.Monitoring.Features;

public sealed partial class MonitoringGrpcService
{
    public override async Task<ListMunicipalitiesResponse> ListMunicipalities(ListMunicipalitiesRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var result = await _listMunicipalities.HandleAsync(caller, context.CancellationToken);
        if (result is not QueryResult<IReadOnlyList<Domain.MunicipalitySummary>>.Found found)
        {
            throw GrpcMapping.Refusal(result);
        }

        var response = new ListMunicipalitiesResponse();
        response.Municipalities.AddRange(found.Value.Select(summary => summary.ToProto()));
        return response;
    }
}
