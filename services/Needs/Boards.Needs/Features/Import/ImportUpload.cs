using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Needs.Features.Import;

/// <summary>
/// Reads an uploaded CSV, as Membership's member import does: the body as text/csv (or the types browsers and
/// spreadsheets use for CSV), or the "file" part of a multipart/form-data form; with a byte limit.
/// </summary>
public static class ImportUpload
{
    public static readonly string[] CsvContentTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

    /// <summary>The file's bytes, or the problem to answer (400 no file, 413 too large, 415 not CSV).</summary>
    public static async Task<(byte[] Bytes, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string nothingImported, CancellationToken ct)
    {
        if (request.ContentLength > ImportLimits.MaxBytes)
        {
            return ([], TooLarge(nothingImported));
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return ([], TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "Falta el archivo.", detail: "Envíe el CSV en la parte 'file' del formulario (multipart/form-data)."));
            }

            if (file.Length > ImportLimits.MaxBytes)
            {
                return ([], TooLarge(nothingImported));
            }

            await using var stream = file.OpenReadStream();
            return await ReadLimitedAsync(stream, nothingImported, ct);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(mediaType) && !CsvContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Tipo de contenido no admitido.",
                detail: $"Envíe el archivo como text/csv o como la parte 'file' de multipart/form-data, no como '{mediaType}'."));
        }

        return await ReadLimitedAsync(request.Body, nothingImported, ct);
    }

    /// <summary>400 with every error, in the format of the member import; the count is in the title and the detail.</summary>
    public static ProblemHttpResult ErrorsProblem(IReadOnlyList<ImportError> errors, string nothingImported) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: errors.Count == 1 ? "El archivo tiene 1 error." : $"El archivo tiene {errors.Count} errores.",
        detail: $"{nothingImported}: corrija {(errors.Count == 1 ? "el error indicado" : $"los {errors.Count} errores indicados")} en errors (línea, columna y mensaje) y vuelva a enviar el archivo completo.",
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult TooManyRows(string nothingImported) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "El archivo tiene demasiadas filas.",
        detail: $"Se admiten como máximo {ImportLimits.MaxRows} filas por archivo. Divida el archivo. {nothingImported}.");

    private static async Task<(byte[] Bytes, ProblemHttpResult? Problem)> ReadLimitedAsync(Stream stream, string nothingImported, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxBytes)
            {
                return ([], TooLarge(nothingImported));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? ([], TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Falta el archivo.",
                detail: "El cuerpo de la solicitud está vacío: envíe el CSV como text/csv o en la parte 'file' de multipart/form-data."))
            : (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge(string nothingImported) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "El archivo es demasiado grande.",
        detail: $"Se admiten archivos de hasta {ImportLimits.MaxBytes / (1024 * 1024)} MB. Divida el archivo. {nothingImported}.");
}
