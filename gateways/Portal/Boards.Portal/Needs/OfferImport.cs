using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.Portal.Needs;

public sealed record ImportedServiceView(int Line, string Code, string Outcome, int Version);

public sealed record OfferImportView(string MunicipalityCode, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportedServiceView> Services);

/// <summary>One problem of the file, as Needs reports it: the line (1 is the header), the column if any, the message.</summary>
public sealed record ImportErrorView(int Line, string? Column, string Message);

/// <summary>What an import gave: the summary, or why nothing was written (Needs' title and detail, and every error).</summary>
public sealed record OfferImportOutcome(ApiOutcome Outcome, OfferImportView? Result, string? Title, string? Detail, IReadOnlyList<ImportErrorView> Errors);

/// <summary>
/// Sends a CSV to <c>POST /api/offer/{code}/services/import</c> as the "file" part of a multipart form, with the
/// person's token. <see cref="BoardsApi"/> sends JSON only and reads "errors" as field errors, while an import
/// answers a list of (line, column, message); so this uses the same named client (base address, token, timeout).
/// </summary>
public static class OfferImport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<OfferImportOutcome> SendAsync(
        IHttpClientFactory clients, ILogger logger, string municipality, IFormFile file, CancellationToken ct = default)
    {
        var http = clients.CreateClient(nameof(BoardsApi));
        try
        {
            using var content = new MultipartFormDataContent();
            await using var stream = file.OpenReadStream();
            using var part = new StreamContent(stream);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(part, "file", string.IsNullOrWhiteSpace(file.FileName) ? "oferta.csv" : Path.GetFileName(file.FileName));
            using var response = await http.PostAsync($"api/offer/{Uri.EscapeDataString(municipality)}/services/import", content, ct);
            if (response.IsSuccessStatusCode)
            {
                var result = await response.Content.ReadFromJsonAsync<OfferImportView>(Json, ct);
                return new OfferImportOutcome(ApiOutcome.Ok, result, null, null, []);
            }

            return await FailureAsync(response, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "El gateway no respondió a la importación de la oferta de {Municipality}", municipality);
            return new OfferImportOutcome(ApiOutcome.Unavailable, null, null, null, []);
        }
    }

    private static async Task<OfferImportOutcome> FailureAsync(HttpResponseMessage response, CancellationToken ct)
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

        return new OfferImportOutcome(outcome, null, title, detail, errors);
    }
}
