using System.Security.Claims;
using Boards.Planning.Features.Plans;
using Boards.Planning.Features.Progress;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Planning.Api.Rest;

/// <summary>Execution tracking, allowed on an approved plan without an amendment.</summary>
public static class ExecutionEndpoints
{
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plan de Acción Territorial").RequireAuthorization(BoardsPolicies.AnyBoardsRole);
        group.MapPost("/{planId:guid}/actions/{actionId:guid}/progress", ReportAsync)
            .WithSummary("Estado, avance (con motivo si no es el del estado) y valor actual de indicadores; publica PlanActionProgressed");
        return app;
    }

    public static async Task<Ok<ProgressResult>> ReportAsync(
        Guid planId, Guid actionId, ProgressCommand command, ActionProgress progress, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await progress.ReportAsync(planId, actionId, command, Caller.From(user), ct);
        var plan = await PlanEndpoints.ViewAsync(planId, store, ct);
        var action = PlanEndpoints.ActionOf(plan, actionId);
        var objective = plan.Objectives.First(o => o.Id == action.ObjectiveId);
        return TypedResults.Ok(new ProgressResult(action, objective.Progress, plan.Progress, plan.OverdueActions));
    }
}

/// <summary>The action after the change, with its objective's and the plan's progress.</summary>
public sealed record ProgressResult(ActionView Action, decimal? ObjectiveProgress, decimal PlanProgress, int OverdueActions);
