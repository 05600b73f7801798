using System.Security.Claims;
using Boards.Planning.Features.AddAction;
using Boards.Planning.Features.AddObjective;
using Boards.Planning.Features.CreatePlan;
using Boards.Planning.Features.GetPlan;
using Boards.Planning.Features.ListPlans;
using Boards.Planning.Features.ListPrioritizedNeeds;
using Boards.Planning.Features.RemoveAction;
using Boards.Planning.Features.RemoveObjective;
using Boards.Planning.Features.UpdateAction;
using Boards.Planning.Features.UpdateObjective;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Planning.Api.Rest;

/// <summary>Plans and their structure under /api/plans. Scope is checked in the features.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plan de Acción Territorial").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", ListAsync).WithSummary("Planes; con municipality y year, solo esos");
        group.MapPost("/", CreateAsync).WithSummary("Abrir el plan de un municipio para un año");
        group.MapGet("/needs", NeedsAsync).WithSummary("Necesidades priorizadas (réplica de Needs) a las que un objetivo puede vincularse");
        group.MapGet("/{planId:guid}", GetAsync).WithSummary("El plan: objetivos, necesidades, acciones, avance ponderado y vencidas");
        group.MapPost("/{planId:guid}/objectives", AddObjectiveAsync).WithSummary("Agregar un objetivo (plan en borrador)");
        group.MapPut("/{planId:guid}/objectives/{objectiveId:guid}", UpdateObjectiveAsync).WithSummary("Corregir un objetivo (plan en borrador)");
        group.MapPost("/{planId:guid}/objectives/{objectiveId:guid}/remove", RemoveObjectiveAsync).WithSummary("Quitar un objetivo y sus acciones (plan en borrador; se conservan)");
        group.MapPost("/{planId:guid}/actions", AddActionAsync).WithSummary("Agregar una acción (plan en borrador)");
        group.MapPut("/{planId:guid}/actions/{actionId:guid}", UpdateActionAsync).WithSummary("Corregir una acción (plan en borrador)");
        group.MapPost("/{planId:guid}/actions/{actionId:guid}/remove", RemoveActionAsync).WithSummary("Quitar una acción (plan en borrador; se conserva)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PlanSummaryView>>> ListAsync(
        [FromQuery] string? municipality, [FromQuery] int? year, ListPlansHandler plans, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await plans.HandleAsync(municipality, year, Caller.From(user), ct));

    public static async Task<Created<PlanView>> CreateAsync(CreatePlanCommand command, CreatePlanHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var plan = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/plans/{plan.Id}", await store.ViewAsync(plan, ct));
    }

    public static async Task<Ok<IReadOnlyList<PrioritizedNeedView>>> NeedsAsync(
        [FromQuery] string? municipality, ListPrioritizedNeedsHandler needs, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await needs.HandleAsync(municipality, Caller.From(user), ct));

    public static async Task<Ok<PlanView>> GetAsync(Guid planId, GetPlanHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(planId, Caller.From(user), ct));

    public static async Task<Created<PlanView>> AddObjectiveAsync(
        Guid planId, ObjectiveInput input, AddObjectiveHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var objective = await handler.HandleAsync(planId, input, Caller.From(user), ct);
        return TypedResults.Created($"/api/plans/{planId}/objectives/{objective.Id}", await store.SavedViewAsync(planId, ct));
    }

    public static async Task<Ok<PlanView>> UpdateObjectiveAsync(
        Guid planId, Guid objectiveId, ObjectiveInput input, UpdateObjectiveHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await handler.HandleAsync(planId, objectiveId, input, Caller.From(user), ct);
        return TypedResults.Ok(await store.SavedViewAsync(planId, ct));
    }

    public static async Task<Ok<PlanView>> RemoveObjectiveAsync(
        Guid planId, Guid objectiveId, RemoveCommand command, RemoveObjectiveHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await handler.HandleAsync(planId, objectiveId, command, Caller.From(user), ct);
        return TypedResults.Ok(await store.SavedViewAsync(planId, ct));
    }

    public static async Task<Created<ActionView>> AddActionAsync(
        Guid planId, ActionInput input, AddActionHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var action = await handler.HandleAsync(planId, input, Caller.From(user), ct);
        return TypedResults.Created($"/api/plans/{planId}/actions/{action.Id}", (await store.SavedViewAsync(planId, ct)).ActionOf(action.Id));
    }

    public static async Task<Ok<ActionView>> UpdateActionAsync(
        Guid planId, Guid actionId, ActionInput input, UpdateActionHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await handler.HandleAsync(planId, actionId, input, Caller.From(user), ct);
        return TypedResults.Ok((await store.SavedViewAsync(planId, ct)).ActionOf(actionId));
    }

    public static async Task<Ok<PlanView>> RemoveActionAsync(
        Guid planId, Guid actionId, RemoveCommand command, RemoveActionHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await handler.HandleAsync(planId, actionId, command, Caller.From(user), ct);
        return TypedResults.Ok(await store.SavedViewAsync(planId, ct));
    }
}
