using Boards.Planning.Features.GetPlan;
using Boards.Planning.Features.ListActions;
using Boards.Planning.Features.ListPlans;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Boards.Planning.Contracts.Grpc;

namespace Boards.Planning.Api.Grpc;

/// <summary>boards.planning.v1.PlanService: read-only. Thin: map, call the feature, map back.</summary>
[Authorize(Policy = BoardsPolicies.AnyBoardsRole)]
public sealed class PlanGrpcService(GetPlanHandler getPlan, ListPlansHandler listPlans, ListActionsHandler listActions) : Proto.PlanService.PlanServiceBase
{
    public override async Task<Proto.Plan> GetPlan(Proto.GetPlanRequest request, ServerCallContext context) =>
        GrpcMapper.ToProto(await getPlan.HandleAsync(PlanId(request.PlanId), CallerOf(context), context.CancellationToken));

    public override async Task<Proto.ListPlansResponse> ListPlans(Proto.ListPlansRequest request, ServerCallContext context)
    {
        var summaries = await listPlans.HandleAsync(request.MunicipalityCode, request.HasYear ? request.Year : null, CallerOf(context), context.CancellationToken);
        var response = new Proto.ListPlansResponse();
        response.Plans.AddRange(summaries.Select(GrpcMapper.ToProto));
        return response;
    }

    public override async Task<Proto.ListActionsResponse> ListActions(Proto.ListActionsRequest request, ServerCallContext context)
    {
        var actions = await listActions.HandleAsync(
            new ListActionsQuery(request.PlanId, request.Status, request.OverdueOnly), CallerOf(context), context.CancellationToken);
        var response = new Proto.ListActionsResponse();
        response.Actions.AddRange(actions.Select(GrpcMapper.ToProto));
        return response;
    }

    private static Guid PlanId(string value) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty ? id : throw ValidationFailedException.For("planId", "Indique el id del plan (un UUID).");

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
