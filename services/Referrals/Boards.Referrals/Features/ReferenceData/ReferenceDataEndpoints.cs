using Boards.Referrals.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Boards.Referrals.Features.ReferenceData;

public sealed record InstitutionView(string Code, string Name);

/// <summary>Institutions only: the municipality registry (GET /api/municipalities) is served by Membership.</summary>
public static class ReferenceDataEndpoints
{
    public static IEndpointRouteBuilder MapReferenceDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/institutions", async Task<Ok<List<InstitutionView>>> (ReferralsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Institutions.AsNoTracking()
                    .OrderBy(i => i.Code)
                    .Select(i => new InstitutionView(i.Code, i.Name)).ToListAsync(ct)))
            .WithTags("Datos de referencia").WithSummary("Instituciones del Gabinete Social");
        return app;
    }
}
