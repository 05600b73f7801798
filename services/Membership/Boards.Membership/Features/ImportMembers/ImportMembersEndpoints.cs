using Boards.BuildingBlocks.Errors;
using System.Security.Claims;
using Boards.Membership.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>
/// POST /api/boards/{code}/members/import (a CSV as text/csv body or as the "file" part of multipart/form-data) and
/// GET /api/boards/{code}/members/import/{jobId}. Small files are imported in the request (200 or 400 with every error);
/// larger ones become a job (202 + Location) whose progress GET reports. See docs/member-import.md.
/// </summary>
public static class ImportMembersEndpoints
{
    private static readonly string[] CsvContentTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

    /// <summary>Maps both routes on the /api/boards group (which already requires a Boards role).</summary>
    public static RouteGroupBuilder MapMemberImport(RouteGroupBuilder group)
    {
        group.MapPost("/{municipalityCode}/members/import", ImportAsync)
            .WithSummary("Importar miembros desde un CSV (todo o nada; archivos grandes como trabajo con progreso)")
            // One Accepts for all types: routing honours only the last Accepts metadata and answers 415 to the rest.
            .Accepts<string>("text/csv", [.. CsvContentTypes.Skip(1), "multipart/form-data"])
            .Produces<ImportResultView>()
            .Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{municipalityCode}/members/import/{jobId}", GetJob)
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

        var upload = await ReadUploadAsync(request, limits.MaxBytes, ct);
        if (upload.Problem is { } problem)
        {
            return problem;
        }

        var table = MemberCsvParser.Parse(upload.Bytes, limits.MaxRows);
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
            var job = jobs.TryEnqueue(code, table, expectedVersion ?? 0, caller);
            if (job is null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Hay demasiadas importaciones en curso.",
                    detail: "Vuelva a enviar el archivo en unos minutos; no se importó ningún miembro.");
            }

            return TypedResults.Accepted($"/api/boards/{code}/members/import/{job.Id}", job.View());
        }

        var outcome = await handler.HandleAsync(code, table, expectedVersion ?? 0, caller, null, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(new ImportResultView(outcome.Added, outcome.BoardVersion))
            : ErrorsProblem(outcome.Errors);
    }

    public static IResult GetJob(string municipalityCode, string jobId, MemberImportJobs jobs, ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        var code = Input.MunicipalityCode(municipalityCode);
        BoardAccess.EnsureCanEdit(caller, code);
        if (!Guid.TryParse(jobId, out var id) || jobs.Find(id) is not { } job || job.MunicipalityCode != code)
        {
            throw new NotFoundException(
                $"No hay una importación '{jobId}' para la mesa de '{code}'. Las importaciones terminadas se guardan una hora, y un reinicio del servicio las pierde: vuelva a enviar el archivo.");
        }

        return TypedResults.Ok(job.View());
    }

    /// <summary>400 with every error; the count is in the title and the detail.</summary>
    public static IResult ErrorsProblem(IReadOnlyList<ImportError> errors) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: errors.Count == 1 ? "El archivo tiene 1 error." : $"El archivo tiene {errors.Count} errores.",
        detail: $"No se importó ningún miembro: corrija {(errors.Count == 1 ? "el error indicado" : $"los {errors.Count} errores indicados")} en errors (línea, columna y mensaje) y vuelva a enviar el archivo completo.",
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private sealed record Upload(byte[] Bytes, IResult? Problem);

    private static async Task<Upload> ReadUploadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return new Upload([], TooLarge(maxBytes));
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return new Upload([], TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "Falta el archivo.", detail: "Envíe el CSV en la parte 'file' del formulario (multipart/form-data)."));
            }

            if (file.Length > maxBytes)
            {
                return new Upload([], TooLarge(maxBytes));
            }

            await using var stream = file.OpenReadStream();
            return await ReadLimitedAsync(stream, maxBytes, ct);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(mediaType) && !CsvContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return new Upload([], TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Tipo de contenido no admitido.",
                detail: $"Envíe el archivo como text/csv o como la parte 'file' de multipart/form-data, no como '{mediaType}'."));
        }

        return await ReadLimitedAsync(request.Body, maxBytes, ct);
    }

    private static async Task<Upload> ReadLimitedAsync(Stream stream, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new Upload([], TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? new Upload([], TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Falta el archivo.",
                detail: "El cuerpo de la solicitud está vacío: envíe el CSV como text/csv o en la parte 'file' de multipart/form-data."))
            : new Upload(buffer.ToArray(), null);
    }

    private static IResult TooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "El archivo es demasiado grande.",
        detail: $"Se admiten archivos de hasta {maxBytes / (1024 * 1024.0):0.#} MB. Divida el archivo; no se importó ningún miembro.");
}

/// <summary>A synchronous import that succeeded: how many members were added and the board's version afterwards.</summary>
public sealed record ImportResultView(int Added, long BoardVersion);
