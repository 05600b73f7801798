using System.Security.Claims;
using Boards.Monitoring.Domain;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Features.ListMunicipalities;

public static class ListMunicipalitiesEndpoint
{
    public static RouteGroupBuilder MapListMunicipalities(this RouteGroupBuilder group)
    {
        group.MapGet("/municipalities", HandleAsync)
            .WithName("ListMunicipalities")
            .WithSummary("Indicadores de referencias de cada municipio a su alcance");
        return group;
    }

    public static async Task<Results<Ok<MunicipalitySummaryResponse[]>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ListMunicipalitiesQuery query, CancellationToken cancellationToken) =>
        await query.HandleAsync(Caller.From(user), cancellationToken) switch
        {
            QueryResult<IReadOnlyList<MunicipalitySummary>>.Found found =>
                TypedResults.Ok(found.Value.Select(MunicipalitySummaryResponse.From).ToArray()),
            QueryResult<IReadOnlyList<MunicipalitySummary>>.Forbidden forbidden => RestResults.Forbidden(forbidden.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
}
