using Boards.BuildingBlocks.Errors;
using Boards.Planning.Domain.Plans;
using Boards.Planning.Features.Plans;
using Boards.ServiceDefaults.Authentication;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Boards.Planning.Contracts.Grpc;

namespace Boards.Planning.Api.Grpc;

/// <summary>boards.planning.v1.PlanService: read-only. Thin: map, call the feature, map back.</summary>
[Authorize(Policy = BoardsPolicies.AnyBoardsRole)]
public sealed class PlanGrpcService(PlanStore store, PlanEditor plans) : Proto.PlanService.PlanServiceBase
{
    public override async Task<Proto.Plan> GetPlan(Proto.GetPlanRequest request, ServerCallContext context)
    {
        var planId = PlanId(request.PlanId);
        var plan = await store.ReadableAsync(planId, CallerOf(context), context.CancellationToken);
        return GrpcMapper.ToProto(await store.ViewAsync(plan, context.CancellationToken));
    }

    public override async Task<Proto.ListPlansResponse> ListPlans(Proto.ListPlansRequest request, ServerCallContext context)
    {
        var summaries = await plans.ListAsync(request.MunicipalityCode, request.HasYear ? request.Year : null, CallerOf(context), context.CancellationToken);
        var response = new Proto.ListPlansResponse();
        response.Plans.AddRange(summaries.Select(GrpcMapper.ToProto));
        return response;
    }

    public override async Task<Proto.ListActionsResponse> ListActions(Proto.ListActionsRequest request, ServerCallContext context)
    {
        var errors = new FieldErrors();
        var planId = Guid.TryParse(request.PlanId, out var id) ? id : Guid.Empty;
        if (planId == Guid.Empty)
        {
            errors.Add("planId", "Indique el id del plan (un UUID).");
        }

        var status = request.Status.Trim();
        if (status.Length > 0 && !ActionStatuses.ByCode.ContainsKey(status))
        {
            errors.Add("status", "El estado es not_started, in_progress, done, blocked o cancelled (o vacío para todos).");
        }

        errors.ThrowIfAny();
        var plan = await store.ViewAsync(await store.ReadableAsync(planId, CallerOf(context), context.CancellationToken), context.CancellationToken);
        var response = new Proto.ListActionsResponse();
        response.Actions.AddRange(plan.Objectives.SelectMany(o => o.Actions)
            .Where(a => (!request.OverdueOnly || a.Overdue) && (status.Length == 0 || a.Status == status))
            .OrderBy(a => a.Number)
            .Select(GrpcMapper.ToProto));
        return response;
    }

    private static Guid PlanId(string value) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty ? id : throw ValidationFailedException.For("planId", "Indique el id del plan (un UUID).");

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
