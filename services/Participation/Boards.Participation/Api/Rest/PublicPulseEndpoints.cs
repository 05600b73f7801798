using Boards.Participation.Features.AnswerWithCode;
using Boards.Participation.Features.CheckCode;
using Boards.Participation.Features.GetQuestionnaires;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Participation.Api.Rest;

/// <summary>
/// The public door of the pulse, /pulse/v1, WITHOUT a token: the one-time code on the slip is the credential, and nobody
/// signs in to answer anonymously. The gateway limits it per address (docs/pulse.md, "Slips and codes"). It is the named
/// exception to "every endpoint needs a token" (docs/security.md).
/// </summary>
public static class PublicPulseEndpoints
{
    public const string Prefix = "/pulse/v1";

    public static IEndpointRouteBuilder MapPublicPulseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Pulso: respuesta pública").AllowAnonymous();

        group.MapGet("/questionnaires", () => TypedResults.Ok(QuestionnaireView.All))
            .WithName("GetPulseQuestionnaires")
            .WithSummary("Las preguntas de las dos encuestas, en castellano y guaraní");
        group.MapPost("/codes/check", CheckAsync)
            .WithName("CheckPulseCode")
            .WithSummary("Qué encuesta abre un código (no lo usa)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/answers", AnswerAsync)
            .WithName("AnswerPulse")
            .WithSummary("Responder con el código de la boleta: una sola respuesta por código")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<QuestionnaireView>> CheckAsync(CheckCodeCommand command, CheckCodeHandler handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(command, ct));

    public static async Task<Created<AnswerAcceptedView>> AnswerAsync(AnswerWithCodeCommand command, AnswerWithCodeHandler handler, CancellationToken ct) =>
        TypedResults.Created((string?)null, await handler.HandleAsync(command, ct));
}
