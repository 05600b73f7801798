using System.Security.Claims;
using Boards.Planning.Features.AcceptProposal;
using Boards.Planning.Features.DismissProposal;
using Boards.Planning.Features.ListProposals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Planning.Api.Rest;

/// <summary>Board agreements proposed as plan actions.</summary>
public static class ProposalEndpoints
{
    public static IEndpointRouteBuilder MapProposalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans/proposals").WithTags("Acuerdos propuestos como acciones").RequireAuthorization(BoardsPolicies.AnyBoardsRole);
        group.MapGet("/", ListAsync).WithSummary("Acuerdos de sesiones de la mesa propuestos como acciones; con status, solo esos");
        group.MapPost("/{agreementId:guid}/accept", AcceptAsync).WithSummary("Incorporar el acuerdo a un objetivo del plan: se vuelve una acción");
        group.MapPost("/{agreementId:guid}/dismiss", DismissAsync).WithSummary("Descartar el acuerdo, con motivo");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ProposalView>>> ListAsync(
        [FromQuery] string? municipality, [FromQuery] string? status, ListProposalsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(municipality, status, Caller.From(user), ct));

    public static async Task<Created<AcceptedProposal>> AcceptAsync(
        Guid agreementId, AcceptProposalCommand command, AcceptProposalHandler handler, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var (proposal, action) = await handler.HandleAsync(agreementId, command, Caller.From(user), ct);
        var plan = await store.SavedViewAsync(action.PlanId, ct);
        return TypedResults.Created($"/api/plans/{action.PlanId}/actions/{action.Id}", new AcceptedProposal(proposal, plan.ActionOf(action.Id)));
    }

    public static async Task<Ok<ProposalView>> DismissAsync(
        Guid agreementId, DismissProposalCommand command, DismissProposalHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(agreementId, command, Caller.From(user), ct));
}

public sealed record AcceptedProposal(ProposalView Proposal, ActionView Action);
