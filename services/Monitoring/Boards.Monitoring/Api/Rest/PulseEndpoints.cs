using System.Security.Claims;
using Boards.Monitoring.Features.GetPulse;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Api.Rest;

/// <summary>The trust and participation pulse's indices (docs/pulse.md, "Indices"), in the monitoring group (token required).</summary>
public static class PulseEndpoints
{
    public static RouteGroupBuilder MapPulse(this RouteGroupBuilder group)
    {
        group.MapGet("/pulse", NationalAsync)
            .WithName("GetNationalPulse")
            .WithSummary("Índices de confianza y participación de un trimestre, por municipio, con el número de respuestas")
            .ProducesValidationProblem();
        group.MapGet("/municipalities/{code}/pulse", MunicipalityAsync)
            .WithName("GetMunicipalityPulse")
            .WithSummary("Índices de confianza y participación de un municipio por trimestre, y la dotación por rango de edad")
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<NationalPulseResponse>> NationalAsync(string? quarter, ClaimsPrincipal user, GetPulseHandler handler, CancellationToken ct)
    {
        var (wanted, rows) = await handler.NationalAsync(Caller.From(user), quarter, ct);
        return TypedResults.Ok(new NationalPulseResponse(wanted, rows.Select(PulseIndicesResponse.From).ToList()));
    }

    public static async Task<Ok<PulseIndicesResponse[]>> MunicipalityAsync(string code, ClaimsPrincipal user, GetPulseHandler handler, CancellationToken ct) =>
        TypedResults.Ok((await handler.MunicipalityAsync(Caller.From(user), code, ct)).Select(PulseIndicesResponse.From).ToArray());
}
