using System.Security.Claims;
using Boards.Planning.Features.ExportPlan;
using Boards.Planning.Features.PrintPlan;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Planning.Api.Rest;

/// <summary>The plan as CSV for Spanish Excel and as a printable page. API endpoints: a token is needed, as everywhere.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plan de Acción Territorial").RequireAuthorization(BoardsPolicies.AnyBoardsRole);
        group.MapGet("/{planId:guid}/export.csv", CsvAsync).WithSummary("El plan en CSV (UTF-8 con BOM, separador ';', encabezados en español)");
        group.MapGet("/{planId:guid}/print", PrintAsync).WithSummary("El plan como página HTML imprimible, para el Gabinete Social");
        return app;
    }

    public static async Task<FileContentHttpResult> CsvAsync(Guid planId, ExportPlanHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var file = await handler.HandleAsync(planId, Caller.From(user), ct);
        return TypedResults.File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }

    public static async Task<ContentHttpResult> PrintAsync(Guid planId, PrintPlanHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Content(await handler.HandleAsync(planId, Caller.From(user), ct), "text/html; charset=utf-8");
}
