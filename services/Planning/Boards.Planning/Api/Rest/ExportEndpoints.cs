using System.Security.Claims;
using Boards.Planning.Features.Export;
using Boards.Planning.Features.Plans;
using Boards.ServiceDefaults.Authentication;
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

    public static async Task<FileContentHttpResult> CsvAsync(Guid planId, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var plan = await store.ViewAsync(await store.ReadableAsync(planId, Caller.From(user), ct), ct);
        return TypedResults.File(PlanCsv.Write(plan), "text/csv; charset=utf-8", $"pat-{plan.MunicipalityCode}-{plan.Year}-v{plan.Version}.csv");
    }

    public static async Task<ContentHttpResult> PrintAsync(Guid planId, PlanStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var plan = await store.ViewAsync(await store.ReadableAsync(planId, Caller.From(user), ct), ct);
        return TypedResults.Content(PlanPrintPage.Render(plan), "text/html; charset=utf-8");
    }
}
