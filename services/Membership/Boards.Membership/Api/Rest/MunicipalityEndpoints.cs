using System.Security.Claims;
using Boards.Membership.Features.CorrectMunicipality;
using Boards.Membership.Features.GetMunicipality;
using Boards.Membership.Features.ListMunicipalities;
using Boards.Membership.Features.Municipalities;
using Boards.Membership.Features.RegisterMunicipality;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Membership.Api.Rest;

/// <summary>
/// The municipality registry under /api/municipalities. Reading needs only a token, as it did when Referrals served it;
/// changes need ministry-admin (the policy here, and the handler checks again for callers that bypass the pipeline).
/// </summary>
public static class MunicipalityEndpoints
{
    public static IEndpointRouteBuilder MapMunicipalityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/municipalities").WithTags("Municipios").RequireAuthorization();

        group.MapGet("/", ListAsync).WithSummary("Municipios del registro, por número de departamento y nombre");
        group.MapGet("/{code}", GetAsync).WithSummary("Un municipio, con su etapa en el programa y su contexto");
        group.MapPost("/", RegisterAsync).RequireAuthorization(BoardsPolicies.MinistryAdmin)
            .WithSummary("Agregar un distrito al registro (ministry-admin); se anuncia como MunicipalityRegistered");
        group.MapPut("/{code}", CorrectAsync).RequireAuthorization(BoardsPolicies.MinistryAdmin)
            .WithSummary("Corregir nombre, departamento o etapa de un distrito agregado (ministry-admin)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<MunicipalityView>>> ListAsync(ListMunicipalitiesHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(ct));

    public static async Task<Ok<MunicipalityDetailView>> GetAsync(string code, GetMunicipalityHandler handler, CancellationToken ct) =>
        TypedResults.Ok(MunicipalityDetailView.From(await handler.HandleAsync(code, ct)));

    public static async Task<Created<MunicipalityDetailView>> RegisterAsync(
        RegisterMunicipalityCommand command, RegisterMunicipalityHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/municipalities/{municipality.Code}", MunicipalityDetailView.From(municipality));
    }

    public static async Task<Ok<MunicipalityDetailView>> CorrectAsync(
        string code, CorrectMunicipalityCommand command, CorrectMunicipalityHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(MunicipalityDetailView.From(await handler.HandleAsync(code, command, Caller.From(user), ct)));
}
