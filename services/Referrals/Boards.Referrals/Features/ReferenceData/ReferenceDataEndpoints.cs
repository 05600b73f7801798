using Boards.Referrals.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Boards.Referrals.Features.ReferenceData;

public sealed record MunicipalityView(string Code, string Name, string Department);

public sealed record InstitutionView(string Code, string Name);

public static class ReferenceDataEndpoints
{
    public static IEndpointRouteBuilder MapReferenceDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/municipalities", async Task<Ok<List<MunicipalityView>>> (ReferralsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Municipalities.AsNoTracking()
                    .OrderBy(m => m.DepartmentNumber).ThenBy(m => m.Name)
                    .Select(m => new MunicipalityView(m.Code, m.Name, m.Department)).ToListAsync(ct)))
            .WithTags("Datos de referencia").WithSummary("Municipios con mesa de protección social");

        app.MapGet("/api/institutions", async Task<Ok<List<InstitutionView>>> (ReferralsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Institutions.AsNoTracking()
                    .OrderBy(i => i.Code)
                    .Select(i => new InstitutionView(i.Code, i.Name)).ToListAsync(ct)))
            .WithTags("Datos de referencia").WithSummary("Instituciones del Gabinete Social");
        return app;
    }
}
