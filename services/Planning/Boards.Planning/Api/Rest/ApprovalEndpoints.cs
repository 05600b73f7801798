using System.Security.Claims;
using Boards.Planning.Domain.Versions;
using Boards.Planning.Features.AmendPlan;
using Boards.Planning.Features.ApprovePlan;
using Boards.Planning.Features.GetVersionDiff;
using Boards.Planning.Features.ListPlanVersions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Planning.Api.Rest;

/// <summary>Approval by the board, amendments and their diffs.</summary>
public static class ApprovalEndpoints
{
    public static IEndpointRouteBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plan de Acción Territorial").RequireAuthorization(BoardsPolicies.AnyBoardsRole);
        group.MapPost("/{planId:guid}/approve", ApproveAsync).WithSummary("Aprobar el plan (o la enmienda) con la sesión de la mesa que lo decidió; publica PlanApproved");
        group.MapPost("/{planId:guid}/amendments", AmendAsync).WithSummary("Abrir una enmienda: versión n+1 en borrador");
        group.MapGet("/{planId:guid}/versions", VersionsAsync).WithSummary("Versiones del plan y las sesiones que las aprobaron");
        group.MapGet("/{planId:guid}/versions/{version:int}/diff", DiffAsync).WithSummary("Qué cambió en la versión respecto de la anterior, campo por campo");
        return app;
    }

    public static async Task<Ok<PlanView>> ApproveAsync(Guid planId, ApproveCommand command, ApprovePlanHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await store.ViewAsync(await handler.HandleAsync(planId, command, Caller.From(user), ct), ct));

    public static async Task<Created<PlanView>> AmendAsync(Guid planId, AmendCommand command, AmendPlanHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var plan = await handler.HandleAsync(planId, command, Caller.From(user), ct);
        return TypedResults.Created($"/api/plans/{plan.Id}/versions/{plan.Version}/diff", await store.ViewAsync(plan, ct));
    }

    public static async Task<Ok<IReadOnlyList<PlanVersionView>>> VersionsAsync(Guid planId, ListPlanVersionsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(planId, Caller.From(user), ct));

    public static async Task<Ok<PlanDiff>> DiffAsync(Guid planId, int version, GetVersionDiffHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(planId, version, Caller.From(user), ct));
}
