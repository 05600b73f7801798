using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Boards.Portal.Api;

/// <summary>One problem of an uploaded file, as the services report it: the line (1 is the header), the column if any, the message.</summary>
public sealed record ImportErrorView(int Line, string? Column, string Message);

/// <summary>Why an import wrote nothing: the service's title and detail, and every problem of the file.</summary>
public sealed record ImportFailure(ApiOutcome Outcome, string? Title, string? Detail, IReadOnlyList<ImportErrorView> Errors);

/// <summary>
/// Sends a CSV file to a service's import route as the "file" part of a multipart form, with the person's token.
/// <see cref="BoardsApi"/> sends JSON only and reads "errors" as field errors, while an import answers a list of
/// (line, column, message); so this uses the same named client (base address, token, timeout).
/// </summary>
public static class CsvUploads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpResponseMessage> PostAsync(IHttpClientFactory clients, string path, IFormFile file, string fallbackName, CancellationToken ct)
    {
        var http = clients.CreateClient(nameof(BoardsApi));
        using var content = new MultipartFormDataContent();
        await using var stream = file.OpenReadStream();
        using var part = new StreamContent(stream);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", string.IsNullOrWhiteSpace(file.FileName) ? fallbackName : Path.GetFileName(file.FileName));
        return await http.PostAsync(path, content, ct);
    }

    /// <summary>Whether a failed call means the gateway or service is out of reach (not an answer about the file).</summary>
    public static bool IsUnreachable(Exception e, CancellationToken ct) =>
        e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested;

    public static async Task<ImportFailure> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType => ApiOutcome.Invalid,
            HttpStatusCode.Conflict => ApiOutcome.Conflict,
            HttpStatusCode.Forbidden => ApiOutcome.Forbidden,
            HttpStatusCode.NotFound => ApiOutcome.NotFound,
            HttpStatusCode.Unauthorized => ApiOutcome.Unauthorized,
            _ => ApiOutcome.Unavailable,
        };
        string? title = null, detail = null;
        var errors = new List<ImportErrorView>();
        var text = await response.Content.ReadAsStringAsync(ct);
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
                detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
                if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    errors.AddRange(list.Deserialize<List<ImportErrorView>>(Json) ?? []);
                }
            }
            catch (JsonException)
            {
                // Not problem details (a proxy's error page): the outcome alone explains it.
            }
        }

        return new ImportFailure(outcome, title, detail, errors);
    }
}
