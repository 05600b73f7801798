using Boards.Monitoring.Contracts.Grpc;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Warnings = Boards.Monitoring.Domain.EarlyWarnings;

namespace Boards.Monitoring.Features;

public sealed partial class MonitoringGrpcService
{
    public override async Task<ListWarningsResponse> ListWarnings(ListWarningsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var result = await _listWarnings.HandleAsync(caller, request.Municipality, request.Status, context.CancellationToken);
        if (result is not QueryResult<IReadOnlyList<Warnings.EarlyWarning>>.Found found)
        {
            throw GrpcMapping.Refusal(result);
        }

        var response = new ListWarningsResponse();
        response.Warnings.AddRange(found.Value.Select(ToProto));
        return response;
    }

    private static EarlyWarning ToProto(Warnings.EarlyWarning w)
    {
        var proto = new EarlyWarning
        {
            Id = w.Id.ToString(),
            MunicipalityCode = w.MunicipalityCode,
            Rule = w.Rule,
            RuleTitle = w.RuleTitle,
            Status = w.Status,
            Evidence = w.Evidence,
            RaisedAt = Timestamp.FromDateTimeOffset(w.RaisedAt),
            AcknowledgedAt = w.AcknowledgedAt is { } acknowledgedAt ? Timestamp.FromDateTimeOffset(acknowledgedAt) : null,
            AcknowledgedBy = w.AcknowledgedBy,
            AcknowledgementNote = w.AcknowledgementNote,
            ResolvedAt = w.ResolvedAt is { } resolvedAt ? Timestamp.FromDateTimeOffset(resolvedAt) : null,
        };
        foreach (var (name, value) in w.Figures)
        {
            proto.Figures.Add(name, (double)value);
        }

        return proto;
    }
}
