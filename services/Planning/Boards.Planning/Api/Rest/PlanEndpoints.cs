using System.Security.Claims;
using Boards.Planning.Features.Plans;
using Boards.Planning.Features.Replicas;
using Boards.ServiceDefaults.Authentication;
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
        [FromQuery] string? municipality, [FromQuery] int? year, PlanEditor plans, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await plans.ListAsync(municipality, year, Caller.From(user), ct));

    public static async Task<Created<PlanView>> CreateAsync(CreatePlanCommand command, PlanEditor plans, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var plan = await plans.CreateAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/plans/{plan.Id}", await store.ViewAsync(plan, ct));
    }

    public static async Task<Ok<IReadOnlyList<PrioritizedNeedView>>> NeedsAsync(
        [FromQuery] string? municipality, PrioritizedNeeds needs, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await needs.ListAsync(municipality, Caller.From(user), ct));

    public static async Task<Ok<PlanView>> GetAsync(Guid planId, PlanStore store, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await store.ViewAsync(await store.ReadableAsync(planId, Caller.From(user), ct), ct));

    public static async Task<Created<PlanView>> AddObjectiveAsync(
        Guid planId, ObjectiveInput input, PlanEditor plans, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var objective = await plans.AddObjectiveAsync(planId, input, Caller.From(user), ct);
        return TypedResults.Created($"/api/plans/{planId}/objectives/{objective.Id}", await ViewAsync(planId, store, ct));
    }

    public static async Task<Ok<PlanView>> UpdateObjectiveAsync(
        Guid planId, Guid objectiveId, ObjectiveInput input, PlanEditor plans, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await plans.UpdateObjectiveAsync(planId, objectiveId, input, Caller.From(user), ct);
        return TypedResults.Ok(await ViewAsync(planId, store, ct));
    }

    public static async Task<Ok<PlanView>> RemoveObjectiveAsync(
        Guid planId, Guid objectiveId, RemoveCommand command, PlanEditor plans, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await plans.RemoveObjectiveAsync(planId, objectiveId, command, Caller.From(user), ct);
        return TypedResults.Ok(await ViewAsync(planId, store, ct));
    }

    public static async Task<Created<ActionView>> AddActionAsync(
        Guid planId, ActionInput input, PlanEditor plans, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var action = await plans.AddActionAsync(planId, input, Caller.From(user), ct);
        return TypedResults.Created($"/api/plans/{planId}/actions/{action.Id}", ActionOf(await ViewAsync(planId, store, ct), action.Id));
    }

    public static async Task<Ok<ActionView>> UpdateActionAsync(
        Guid planId, Guid actionId, ActionInput input, PlanEditor plans, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await plans.UpdateActionAsync(planId, actionId, input, Caller.From(user), ct);
        return TypedResults.Ok(ActionOf(await ViewAsync(planId, store, ct), actionId));
    }

    public static async Task<Ok<PlanView>> RemoveActionAsync(
        Guid planId, Guid actionId, RemoveCommand command, PlanEditor plans, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        await plans.RemoveActionAsync(planId, actionId, command, Caller.From(user), ct);
        return TypedResults.Ok(await ViewAsync(planId, store, ct));
    }

    internal static async Task<PlanView> ViewAsync(Guid planId, PlanStore store, CancellationToken ct) =>
        await store.ViewAsync(await store.LoadAsync(planId, tracking: false, ct), ct);

    internal static ActionView ActionOf(PlanView plan, Guid actionId) =>
        plan.Objectives.SelectMany(o => o.Actions).First(a => a.Id == actionId);
}
