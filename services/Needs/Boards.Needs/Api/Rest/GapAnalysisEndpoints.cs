using System.Security.Claims;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Features.GetGapAnalysis;
using Boards.Needs.Features.PublishGapAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Needs.Api.Rest;

/// <summary>The gap between needs and offer under /api/needs/gap-analysis/{municipalityCode}.</summary>
public static class GapAnalysisEndpoints
{
    public static IEndpointRouteBuilder MapGapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/needs/gap-analysis/{municipalityCode}").WithTags("Análisis de brechas").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", GetAsync).WithSummary("Brechas entre necesidades y oferta por categoría, calculadas ahora (no publica)");
        group.MapPost("/", PublishAsync).WithSummary("Calcular y publicar GapAnalysisPublished (ministerio o punto focal del municipio)");
        return app;
    }

    public static async Task<Ok<GapAnalysisPublished>> GetAsync(string municipalityCode, GetGapAnalysisHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(municipalityCode, Caller.From(user), ct));

    public static async Task<Accepted<GapAnalysisPublished>> PublishAsync(string municipalityCode, PublishGapAnalysisHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Accepted($"/api/needs/gap-analysis/{municipalityCode}", await handler.HandleAsync(municipalityCode, Caller.From(user), ct));
}
