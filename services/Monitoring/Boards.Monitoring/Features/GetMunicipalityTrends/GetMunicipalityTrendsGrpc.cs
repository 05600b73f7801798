using Boards.Monitoring.Contracts.Grpc;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Grpc.Core;
using Domain = Boards.Monitoring.Domain;

namespace Boards.Monitoring.Features;

public sealed partial class MonitoringGrpcService
{
    public override async Task<MunicipalityTrends> GetMunicipalityTrends(GetMunicipalityTrendsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var result = await _getMunicipalityTrends.HandleAsync(caller, request.Code, context.CancellationToken);
        return result is QueryResult<Domain.MunicipalityTrends>.Found found
            ? ToProto(found.Value)
            : throw GrpcMapping.Refusal(result);
    }

    private static MunicipalityTrends ToProto(Domain.MunicipalityTrends trends) => new()
    {
        Code = trends.Code,
        Months =
        {
            trends.Months.Select(m => new MonthTrend
            {
                Month = m.Month,
                Sent = m.Sent,
                ClosedLoop = m.ClosedLoop,
                Cancelled = m.Cancelled,
                ClosedLoopRate = m.ClosedLoopRate,
            }),
        },
        ByCategory = { trends.ByCategory.Select(c => new CategoryCount { Category = c.Category, Count = c.Count }) },
        RejectionsByReason = { trends.RejectionsByReason.Select(r => new ReasonCount { Reason = r.Reason, Count = r.Count }) },
    };
}
