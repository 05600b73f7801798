using System.Security.Claims;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Features.GetPolicy;
using Boards.Membership.Features.GetRepresentativity;
using Boards.Membership.Features.PublishPolicy;
using Boards.Membership.Features.Representativity;
using Boards.Membership.Features.SetMunicipalityContext;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Membership.Api.Rest;

/// <summary>
/// Representativity under /api/boards: a board's latest assessment (same scope as the board), the policy (any Boards
/// role reads it, ministry-admin publishes a new version) and a municipality's context (ministry-admin).
/// </summary>
public static class RepresentativityEndpoints
{
    public static IEndpointRouteBuilder MapRepresentativityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/boards").WithTags("Representatividad").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/{municipalityCode}/representativity", GetRepresentativityAsync)
            .WithSummary("La última evaluación de representatividad de la mesa: puntaje, componentes, insumos, brechas y versión de la política");
        group.MapGet("/representativity-policy", GetPolicyAsync).WithSummary("La política de representatividad vigente");
        group.MapPost("/representativity-policy", PublishPolicyAsync)
            .WithSummary("Publicar una nueva versión de la política (ministry-admin); re-evalúa todas las mesas");
        group.MapPut("/municipalities/{municipalityCode}/context", SetMunicipalityContextAsync)
            .WithSummary("Localidades rurales y presencia de comunidades indígenas del municipio (ministry-admin)");
        return app;
    }

    /// <summary><paramref name="basis"/>: roster (default) or attendance (the last N sessions, stored when a session is recorded).</summary>
    public static async Task<Ok<RepresentativityView>> GetRepresentativityAsync(
        string municipalityCode, GetRepresentativityHandler handler, ClaimsPrincipal user, CancellationToken ct, [FromQuery] string? basis = null)
    {
        var parsed = basis?.Trim().ToLowerInvariant() switch
        {
            null or "" or "roster" => AssessmentBasis.Roster,
            "attendance" => AssessmentBasis.Attendance,
            _ => throw new ValidationFailedException(new Dictionary<string, string[]> { ["basis"] = ["Base desconocida: roster o attendance."] }),
        };
        return TypedResults.Ok(RepresentativityView.From(await handler.HandleAsync(municipalityCode, Caller.From(user), ct, parsed)));
    }

    public static async Task<Ok<PolicyView>> GetPolicyAsync(GetPolicyHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(Caller.From(user), ct));

    public static async Task<Created<PublishedPolicyView>> PublishPolicyAsync(
        PublishPolicyCommand command, PublishPolicyHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var (policy, assessed) = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created("/api/boards/representativity-policy", new PublishedPolicyView(policy, assessed));
    }

    public static async Task<Ok<MunicipalityContextView>> SetMunicipalityContextAsync(
        string municipalityCode, SetMunicipalityContextCommand command, SetMunicipalityContextHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct));
}

/// <summary>The published version and how many boards were re-assessed with it.</summary>
public sealed record PublishedPolicyView(PolicyView Policy, int BoardsAssessed);
