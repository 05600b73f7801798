using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.BuildingBlocks.Import;

/// <summary>
/// Reads an uploaded CSV from a request: the body as text/csv (or the types browsers and spreadsheets use for CSV), or
/// the "file" part of a multipart/form-data form; with a byte limit. Answers in Spanish, as problem details.
/// </summary>
public static class CsvUpload
{
    /// <summary>The body types taken as CSV; the first is the one to advertise.</summary>
    public static readonly string[] CsvContentTypes = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];

    /// <summary>
    /// The file's bytes, or the problem to answer (400 no file, 413 too large, 415 not CSV). <paramref name="splitAdvice"/>
    /// ends the 413 detail, e.g. "Divida el archivo; no se importó ningún miembro.".
    /// </summary>
    public static async Task<(byte[] Bytes, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, string splitAdvice, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return ([], TooLarge(maxBytes, splitAdvice));
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

            if (file.Length > maxBytes)
            {
                return ([], TooLarge(maxBytes, splitAdvice));
            }

            await using var stream = file.OpenReadStream();
            return await ReadLimitedAsync(stream, maxBytes, splitAdvice, ct);
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(mediaType) && !CsvContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return ([], TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Tipo de contenido no admitido.",
                detail: $"Envíe el archivo como text/csv o como la parte 'file' de multipart/form-data, no como '{mediaType}'."));
        }

        return await ReadLimitedAsync(request.Body, maxBytes, splitAdvice, ct);
    }

    private static async Task<(byte[] Bytes, ProblemHttpResult? Problem)> ReadLimitedAsync(Stream stream, long maxBytes, string splitAdvice, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], TooLarge(maxBytes, splitAdvice));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? ([], TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Falta el archivo.",
                detail: "El cuerpo de la solicitud está vacío: envíe el CSV como text/csv o en la parte 'file' de multipart/form-data."))
            : (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge(long maxBytes, string splitAdvice) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "El archivo es demasiado grande.",
        detail: $"Se admiten archivos de hasta {maxBytes / (1024 * 1024.0):0.#} MB. {splitAdvice}");
}
