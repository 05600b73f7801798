using System.Security.Claims;
using Boards.Participation.Features.IssueSlips;
using Boards.Participation.Features.ListSlips;
using Boards.Participation.Features.RecordPaperAnswer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Participation.Api.Rest;

/// <summary>Slips and paper answers under /api/participation, behind a token; scope is checked in the features.</summary>
public static class SlipEndpoints
{
    public static IEndpointRouteBuilder MapSlipEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/participation").WithTags("Pulso de confianza y participación").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapPost("/slips", IssueAsync)
            .WithName("IssueSlips")
            .WithSummary("Imprimir boletas con códigos de un solo uso (se muestran esta única vez)")
            .ProducesValidationProblem();
        group.MapGet("/slips", ListAsync)
            .WithName("ListSlips")
            .WithSummary("Boletas impresas en un municipio (sin sus códigos)")
            .ProducesValidationProblem();
        group.MapPost("/paper-answers", RecordPaperAsync)
            .WithName("RecordPaperAnswer")
            .WithSummary("Cargar una respuesta en papel, con el código de la boleta o sin él")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Created<IssuedSlipsView>> IssueAsync(IssueSlipsCommand command, IssueSlipsHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var issued = await handler.HandleAsync(command, Caller.From(user), ct);
        return TypedResults.Created($"/api/participation/slips?municipality={issued.MunicipalityCode}", issued);
    }

    public static async Task<Ok<IReadOnlyList<SlipBatchView>>> ListAsync(
        [FromQuery] string? municipality, [FromQuery] string? quarter, ListSlipsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(municipality, quarter, Caller.From(user), ct));

    public static async Task<Created<PaperAnswerView>> RecordPaperAsync(
        RecordPaperAnswerCommand command, RecordPaperAnswerHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Created("/api/participation/slips", await handler.HandleAsync(command, Caller.From(user), ct));
}
