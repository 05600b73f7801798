using System.Security.Claims;
using Boards.Monitoring.Domain;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Features.GetMunicipality;

public static class GetMunicipalityEndpoint
{
    public static RouteGroupBuilder MapGetMunicipality(this RouteGroupBuilder group)
    {
        group.MapGet("/municipalities/{code}", HandleAsync)
            .WithName("GetMunicipality")
            .WithSummary("Indicadores de referencias de un municipio");
        return group;
    }

    public static async Task<Results<Ok<MunicipalitySummaryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string code, ClaimsPrincipal user, GetMunicipalityQuery query, CancellationToken cancellationToken) =>
        await query.HandleAsync(Caller.From(user), code, cancellationToken) switch
        {
            QueryResult<MunicipalitySummary>.Found found => TypedResults.Ok(MunicipalitySummaryResponse.From(found.Value)),
            QueryResult<MunicipalitySummary>.Invalid invalid => RestResults.Invalid(invalid.Field, invalid.Message),
            QueryResult<MunicipalitySummary>.Forbidden forbidden => RestResults.Forbidden(forbidden.Message),
            QueryResult<MunicipalitySummary>.NotFound notFound => RestResults.NotFound(notFound.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
}
