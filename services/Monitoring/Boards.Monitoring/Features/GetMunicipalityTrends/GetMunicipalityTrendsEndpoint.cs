using System.Security.Claims;
using Boards.Monitoring.Domain;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Features.GetMunicipalityTrends;

public static class GetMunicipalityTrendsEndpoint
{
    public static RouteGroupBuilder MapGetMunicipalityTrends(this RouteGroupBuilder group)
    {
        group.MapGet("/municipalities/{code}/trends", HandleAsync)
            .WithName("GetMunicipalityTrends")
            .WithSummary("Tendencias de referencias de un municipio: últimos 12 meses, categorías y motivos de rechazo");
        return group;
    }

    public static async Task<Results<Ok<MunicipalityTrendsResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string code, ClaimsPrincipal user, GetMunicipalityTrendsQuery query, CancellationToken cancellationToken) =>
        await query.HandleAsync(Caller.From(user), code, cancellationToken) switch
        {
            QueryResult<MunicipalityTrends>.Found found => TypedResults.Ok(MunicipalityTrendsResponse.From(found.Value)),
            QueryResult<MunicipalityTrends>.Invalid invalid => RestResults.Invalid(invalid.Field, invalid.Message),
            QueryResult<MunicipalityTrends>.Forbidden forbidden => RestResults.Forbidden(forbidden.Message),
            QueryResult<MunicipalityTrends>.NotFound notFound => RestResults.NotFound(notFound.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
}
