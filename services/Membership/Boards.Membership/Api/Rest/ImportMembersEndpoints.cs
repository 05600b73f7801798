using Boards.BuildingBlocks.Import;
using System.Security.Claims;
using Boards.Membership.Features.ImportMembers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Api.Rest;

/// <summary>
/// POST /api/boards/{code}/members/import (a CSV as text/csv body or as the "file" part of multipart/form-data) and
/// GET /api/boards/{code}/members/import/{jobId}. Small files are imported in the request (200 or 400 with every error);
/// larger ones become a job (202 + Location) whose progress GET reports. See docs/member-import.md.
/// </summary>
public static class ImportMembersEndpoints
{
    private const string NothingImported = "No se importó ningún miembro";
    private const string RowsName = "miembros";

    /// <summary>Maps both routes on the /api/boards group (which already requires a Boards role).</summary>
    public static RouteGroupBuilder MapMemberImport(RouteGroupBuilder group)
    {
        group.MapPost("/{municipalityCode}/members/import", ImportAsync)
            .WithSummary("Importar miembros desde un CSV (todo o nada; archivos grandes como trabajo con progreso)")
            // One Accepts for all types: routing honours only the last Accepts metadata and answers 415 to the rest.
            .Accepts<string>(CsvUpload.CsvContentTypes[0], [.. CsvUpload.CsvContentTypes.Skip(1), "multipart/form-data"])
            .Produces<ImportResultView>()
            .Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{municipalityCode}/members/import/{jobId}", GetJobAsync)
            .WithSummary("Progreso y resultado de una importación de miembros");
        return group;
    }

    public static async Task<IResult> ImportAsync(
        string municipalityCode,
        [FromQuery] long? expectedVersion,
        HttpRequest request,
        ImportMembersHandler handler,
        MemberImportJobs jobs,
        IOptions<MemberImportOptions> options,
        ClaimsPrincipal user,
        CancellationToken ct)
    {
        var caller = Caller.From(user);
        var limits = options.Value;
        var code = Input.MunicipalityCode(municipalityCode);
        BoardAccess.EnsureCanEdit(caller, code);

        var upload = await CsvUpload.ReadAsync(request, limits.MaxBytes, "Divida el archivo; no se importó ningún miembro.", ct);
        if (upload.Problem is { } problem)
        {
            return problem;
        }

        var table = UploadedCsv.Parse(upload.Bytes, limits.MaxRows, RowsName);
        if (table.TooManyRows)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "El archivo tiene demasiadas filas.",
                detail: $"Se admiten como máximo {limits.MaxRows} miembros por archivo. Divida el archivo; no se importó ningún miembro.");
        }

        if (table.Records.Count > limits.BackgroundThreshold)
        {
            await handler.EnsureCanImportAsync(code, caller, ct);
            var job = await jobs.TryEnqueueAsync(code, upload.Bytes, table.Records.Count, expectedVersion ?? 0, caller, ct);
            if (job is null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Hay demasiadas importaciones en curso.",
                    detail: "Vuelva a enviar el archivo en unos minutos; no se importó ningún miembro.");
            }

            return TypedResults.Accepted($"/api/boards/{code}/members/import/{job.Id}", job);
        }

        var outcome = await handler.HandleAsync(code, table, expectedVersion ?? 0, caller, null, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(new ImportResultView(outcome.Added, outcome.BoardVersion))
            : ImportProblems.Errors(outcome.Errors, NothingImported);
    }

    public static async Task<IResult> GetJobAsync(string municipalityCode, string jobId, MemberImportJobs jobs, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var code = Input.MunicipalityCode(municipalityCode);
        BoardAccess.EnsureCanEdit(caller, code);
        if (!Guid.TryParse(jobId, out var id) || await jobs.FindAsync(id, code, ct) is not { } job)
        {
            throw new NotFoundException(
                $"No hay una importación '{jobId}' para la mesa de '{code}'. Las importaciones terminadas se guardan {jobs.RetentionInWords()}: vuelva a enviar el archivo.");
        }

        return TypedResults.Ok(job);
    }
}
