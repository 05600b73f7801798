using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.Portal.Api;

/// <summary>
/// The gateway's REST API, called with the person's own token (<see cref="BearerTokenHandler"/>). Never throws for an
/// answer the page can explain: every failure becomes an <see cref="ApiResult{T}"/> so that one section of a page can
/// say "the service is not answering" while the rest keeps working.
/// </summary>
public sealed class BoardsApi(HttpClient http, ILogger<BoardsApi> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A document (a CSV export, a printable page) as the gateway sends it, for the portal to pass on with the person's
    /// token. Null when the gateway did not answer.
    /// </summary>
    public async Task<HttpResponseMessage?> GetDocumentAsync(string path, CancellationToken ct = default)
    {
        try
        {
            return await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "El gateway no respondió a GET {Path}", path);
            return null;
        }
    }

    /// <summary>Sends one request (JSON body if any) and reads <typeparamref name="T"/>; the feature folders' *Calls classes wrap it.</summary>
    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            }

            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                // Done, nothing to read (marking a notification read): a value-less success, not a broken answer.
                return ApiResult<T>.Success(default!, (int)response.StatusCode);
            }

            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
                return ApiResult<T>.Success(value!, (int)response.StatusCode);
            }

            return await FailureAsync<T>(response, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "El gateway no respondió a {Method} {Path}", method, path);
            return new ApiResult<T> { Outcome = ApiOutcome.Unavailable, Status = 503, Detail = e.Message };
        }
    }

    private static async Task<ApiResult<T>> FailureAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.BadRequest => ApiOutcome.Invalid,
            HttpStatusCode.Conflict => ApiOutcome.Conflict,
            HttpStatusCode.Forbidden => ApiOutcome.Forbidden,
            HttpStatusCode.NotFound => ApiOutcome.NotFound,
            HttpStatusCode.Unauthorized => ApiOutcome.Unauthorized,
            _ => ApiOutcome.Unavailable,
        };

        string? title = null, detail = null, type = null;
        var fields = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (text.Length > 0 && text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "title": title = property.Value.GetString(); break;
                        case "detail": detail = property.Value.GetString(); break;
                        case "type": type = property.Value.GetString(); break;
                        case "errors" when property.Value.ValueKind == JsonValueKind.Object:
                            foreach (var field in property.Value.EnumerateObject())
                            {
                                fields[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                                    ? [.. field.Value.EnumerateArray().Select(m => m.ToString())]
                                    : [field.Value.ToString()];
                            }

                            break;
                        default:
                            if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                            {
                                extensions[property.Name] = property.Value.ToString();
                            }

                            break;
                    }
                }
            }
            catch (JsonException)
            {
                // Not problem details (a proxy's error page): the outcome alone explains it.
            }
        }

        return new ApiResult<T>
        {
            Outcome = outcome, Status = status, Title = title, Detail = detail, ProblemType = type, FieldErrors = fields, Extensions = extensions,
        };
    }
}
