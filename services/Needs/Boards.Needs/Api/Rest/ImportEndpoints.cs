using System.Security.Claims;
using Boards.BuildingBlocks.Import;
using Boards.Needs.Features.ImportNeeds;
using Boards.Needs.Features.ImportOffer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Needs.Api.Rest;

/// <summary>
/// CSV imports, all or nothing (docs/needs-import.md): a municipality's offer catalog and the needs of an open round.
/// 200 with a summary, or 400 with every error (line, column, message) and nothing written.
/// </summary>
public static class ImportEndpoints
{
    public const string NoServiceImported = "No se importó ningún servicio";
    public const string NoNeedImported = "No se importó ninguna necesidad";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/offer/{municipalityCode}/services/import", ImportOfferAsync)
            .WithTags("Oferta de servicios")
            .RequireAuthorization(BoardsPolicies.AnyBoardsRole)
            .WithSummary("Importar la oferta de servicios desde un CSV (todo o nada; reemplaza los códigos que ya existen)")
            .AcceptsCsvImport();

        app.MapPost("/api/needs/rounds/{roundId:guid}/needs/import", ImportNeedsAsync)
            .WithTags("Diagnóstico de necesidades")
            .RequireAuthorization(BoardsPolicies.AnyBoardsRole)
            .WithSummary("Importar necesidades a la ronda abierta desde un CSV (todo o nada)")
            .AcceptsCsvImport();
        return app;
    }

    public static async Task<Results<Ok<OfferImportResult>, ProblemHttpResult>> ImportOfferAsync(
        string municipalityCode, HttpRequest request, OfferImporter importer, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        await importer.EnsureCanImportAsync(municipalityCode, caller, ct);
        var (bytes, problem) = await CsvUpload.ReadAsync(request, ImportLimits.MaxBytes, SplitAdvice(NoServiceImported), ct);
        if (problem is not null)
        {
            return problem;
        }

        var table = UploadedCsv.Parse(bytes, ImportLimits.MaxRows);
        if (table.TooManyRows)
        {
            return TooManyRows(NoServiceImported);
        }

        var outcome = await importer.ImportAsync(municipalityCode, table, caller, ct);
        return outcome.Result is { } result ? TypedResults.Ok(result) : ImportProblems.Errors(outcome.Errors, NoServiceImported);
    }

    public static async Task<Results<Ok<NeedImportResult>, ProblemHttpResult>> ImportNeedsAsync(
        Guid roundId, [FromQuery] int? expectedVersion, HttpRequest request, NeedImporter importer, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        await importer.EditableRoundAsync(roundId, expectedVersion, caller, ct);
        var (bytes, problem) = await CsvUpload.ReadAsync(request, ImportLimits.MaxBytes, SplitAdvice(NoNeedImported), ct);
        if (problem is not null)
        {
            return problem;
        }

        var table = UploadedCsv.Parse(bytes, ImportLimits.MaxRows);
        if (table.TooManyRows)
        {
            return TooManyRows(NoNeedImported);
        }

        var outcome = await importer.ImportAsync(roundId, expectedVersion, table, caller, ct);
        return outcome.Result is { } result ? TypedResults.Ok(result) : ImportProblems.Errors(outcome.Errors, NoNeedImported);
    }

    /// <summary>The CSV body types and form upload, and the problems an import answers (400, 404, 409, 413, 415).</summary>
    private static RouteHandlerBuilder AcceptsCsvImport(this RouteHandlerBuilder route) => route
        // One Accepts for all types: routing honours only the last Accepts metadata and answers 415 to the rest.
        .Accepts<string>(CsvUpload.CsvContentTypes[0], [.. CsvUpload.CsvContentTypes.Skip(1), "multipart/form-data"])
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The end of the 413 detail: "Divida el archivo. No se importó ningún servicio.".</summary>
    private static string SplitAdvice(string nothingImported) => $"Divida el archivo. {nothingImported}.";

    private static ProblemHttpResult TooManyRows(string nothingImported) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "El archivo tiene demasiadas filas.",
        detail: $"Se admiten como máximo {ImportLimits.MaxRows} filas por archivo. {SplitAdvice(nothingImported)}");
}
