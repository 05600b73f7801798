using Boards.Monitoring.Contracts.Grpc;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Grpc.Core;
using Domain = Boards.Monitoring.Domain;

namespace Boards.Monitoring.Features;

public sealed partial class MonitoringGrpcService
{
    public override async Task<MunicipalitySummary> GetMunicipality(GetMunicipalityRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var result = await _getMunicipality.HandleAsync(caller, request.Code, context.CancellationToken);
        return result is QueryResult<Domain.MunicipalitySummary>.Found found
            ? found.Value.ToProto()
            : throw GrpcMapping.Refusal(result);
    }
}
