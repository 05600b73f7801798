using System.Security.Claims;
using Boards.Monitoring.Features.Common;
using Boards.Monitoring.Features.GetMunicipality;
using Boards.Monitoring.Features.GetMunicipalityTrends;
using Boards.Monitoring.Features.ListMunicipalities;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Api.Rest;

/// <summary>
/// REST under /api/monitoring. A token is required (401 without one); scope is checked by each handler, and its refusals
/// become problem details in the shared error handler (Boards.BuildingBlocks.Errors).
/// </summary>
public static class MonitoringEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring")
            .WithTags("Monitoring")
            .RequireAuthorization();

        group.MapGet("/municipalities", ListMunicipalitiesAsync)
            .WithName("ListMunicipalities")
            .WithSummary("Indicadores de referencias de cada municipio a su alcance");
        group.MapGet("/municipalities/{code}", GetMunicipalityAsync)
            .WithName("GetMunicipality")
            .WithSummary("Indicadores de referencias de un municipio")
            .ProducesValidationProblem();
        group.MapGet("/municipalities/{code}/trends", GetMunicipalityTrendsAsync)
            .WithName("GetMunicipalityTrends")
            .WithSummary("Tendencias de referencias de un municipio: últimos 12 meses, categorías y motivos de rechazo")
            .ProducesValidationProblem();
        group.MapNationalTable();
        group.MapEarlyWarnings();
        group.MapPulse();
        return app;
    }

    public static async Task<Ok<MunicipalitySummaryResponse[]>> ListMunicipalitiesAsync(
        ClaimsPrincipal user, ListMunicipalitiesHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok((await handler.HandleAsync(Caller.From(user), cancellationToken)).Select(MunicipalitySummaryResponse.From).ToArray());

    public static async Task<Ok<MunicipalitySummaryResponse>> GetMunicipalityAsync(
        string code, ClaimsPrincipal user, GetMunicipalityHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(MunicipalitySummaryResponse.From(await handler.HandleAsync(Caller.From(user), code, cancellationToken)));

    public static async Task<Ok<MunicipalityTrendsResponse>> GetMunicipalityTrendsAsync(
        string code, ClaimsPrincipal user, GetMunicipalityTrendsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(MunicipalityTrendsResponse.From(await handler.HandleAsync(Caller.From(user), code, cancellationToken)));
}
