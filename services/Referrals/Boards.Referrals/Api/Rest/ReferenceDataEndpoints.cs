using Boards.Referrals.Features.ListInstitutions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Referrals.Api.Rest;

/// <summary>Institutions only: the municipality registry (GET /api/municipalities) is served by Membership.</summary>
public static class ReferenceDataEndpoints
{
    public static IEndpointRouteBuilder MapReferenceDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/institutions", async Task<Ok<List<InstitutionView>>> (ListInstitutionsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithTags("Datos de referencia").WithSummary("Instituciones del Gabinete Social");
        return app;
    }
}
