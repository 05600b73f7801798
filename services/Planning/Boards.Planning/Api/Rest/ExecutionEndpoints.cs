using System.Security.Claims;
using Boards.Planning.Features.RecordProgress;
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
        Guid planId, Guid actionId, ProgressCommand command, RecordProgressHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await handler.HandleAsync(planId, actionId, command, Caller.From(user), ct);
        var plan = await store.SavedViewAsync(planId, ct);
        var action = plan.ActionOf(actionId);
        var objective = plan.Objectives.First(o => o.Id == action.ObjectiveId);
        return TypedResults.Ok(new ProgressResult(action, objective.Progress, plan.Progress, plan.OverdueActions));
    }
}

/// <summary>The action after the change, with its objective's and the plan's progress.</summary>
public sealed record ProgressResult(ActionView Action, decimal? ObjectiveProgress, decimal PlanProgress, int OverdueActions);
