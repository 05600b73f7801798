using System.Security.Claims;
using Boards.Needs.Features.CreateService;
using Boards.Needs.Features.GetService;
using Boards.Needs.Features.ListServices;
using Boards.Needs.Features.UpdateCapacity;
using Boards.Needs.Features.UpdateService;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Needs.Api.Rest;

/// <summary>
/// The offer catalog under /api/offer/{municipalityCode}/services: one handler per route; scope is checked in the
/// handlers (<see cref="MunicipalityAccess"/>). The endpoints are named methods so that tests can call them with a constructed user.
/// </summary>
public static class OfferEndpoints
{
    public static IEndpointRouteBuilder MapOfferEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/offer/{municipalityCode}/services").WithTags("Oferta de servicios").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", ListAsync).WithSummary("Servicios ofrecidos en el municipio; con category, solo los que la atienden");
        group.MapGet("/{code}", GetAsync).WithSummary("Un servicio de la oferta del municipio");
        group.MapPost("/", CreateAsync).WithSummary("Agregar un servicio a la oferta (punto focal del municipio o ministry-admin)");
        group.MapPut("/{code}", UpdateAsync).WithSummary("Cambiar un servicio, incluido el estado de su capacidad (con expectedVersion)");
        group.MapPut("/{code}/capacity", UpdateCapacityAsync)
            .WithSummary("Cambiar solo la capacidad de un servicio: estado, espera y cupos mensuales (con expectedVersion)")
            .WithDescription("Punto focal del municipio, ministry-admin, o funcionarios de la institución del servicio que atienden en el municipio.");
        return app;
    }

    public static async Task<Ok<List<OfferedServiceView>>> ListAsync(
        string municipalityCode, [FromQuery] string? category, ListServicesHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await handler.HandleAsync(municipalityCode, category, Caller.From(user), ct)).Select(OfferedServiceView.From).ToList());

    public static async Task<Ok<OfferedServiceView>> GetAsync(string municipalityCode, string code, GetServiceHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(OfferedServiceView.From(await handler.HandleAsync(municipalityCode, code, Caller.From(user), ct)));

    public static async Task<Created<OfferedServiceView>> CreateAsync(
        string municipalityCode, CreateServiceCommand command, CreateServiceHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var service = await handler.HandleAsync(municipalityCode, command, Caller.From(user), ct);
        return TypedResults.Created($"/api/offer/{service.MunicipalityCode}/services/{service.Code}", OfferedServiceView.From(service));
    }

    public static async Task<Ok<OfferedServiceView>> UpdateAsync(
        string municipalityCode, string code, UpdateServiceCommand command, UpdateServiceHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(OfferedServiceView.From(await handler.HandleAsync(municipalityCode, code, command, Caller.From(user), ct)));

    public static async Task<Ok<OfferedServiceView>> UpdateCapacityAsync(
        string municipalityCode, string code, UpdateCapacityCommand command, UpdateCapacityHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(OfferedServiceView.From(await handler.HandleAsync(municipalityCode, code, command, Caller.From(user), ct)));
}
