using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Boards.Portal.Pulse;

/// <summary>
/// The pulse's public API (<c>/pulse/v1</c> at the gateway), called WITHOUT a token: the person answering never signs in,
/// and the code is the credential. The gateway limits it per address, so each call carries the person's address
/// (<see cref="ForwardedForHandler"/>), not the portal's.
/// </summary>
public sealed class PublicPulseApi(HttpClient http, ILogger<PublicPulseApi> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<QuestionnaireView>> CheckAsync(string code, CancellationToken ct) => SendAsync<QuestionnaireView>("pulse/v1/codes/check", new { code }, ct);

    public Task<ApiResult<AnswerAcceptedView>> AnswerAsync(AnswerForm form, CancellationToken ct) => SendAsync<AnswerAcceptedView>("pulse/v1/answers", form.Body(), ct);

    private async Task<ApiResult<T>> SendAsync<T>(string path, object body, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(path, body, Json, ct);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return ApiResult<T>.Success((await response.Content.ReadFromJsonAsync<T>(Json, ct))!, status);
            }

            var problem = response.Content.Headers.ContentLength is 0 ? null : await TryReadProblemAsync(response, ct);
            return new ApiResult<T>
            {
                Outcome = response.StatusCode switch
                {
                    HttpStatusCode.BadRequest => ApiOutcome.Invalid,
                    HttpStatusCode.NotFound => ApiOutcome.NotFound,
                    _ => ApiOutcome.Unavailable,
                },
                Status = status,
                Title = problem?.Title,
                Detail = problem?.Detail,
                FieldErrors = problem?.Errors ?? new Dictionary<string, string[]>(),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "El gateway no respondió a POST {Path}", path);
            return new ApiResult<T> { Outcome = ApiOutcome.Unavailable, Status = 503 };
        }
    }

    private static async Task<Problem?> TryReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}

/// <summary>Passes on the address of the person the portal is serving (after its own forwarded-headers step).</summary>
public sealed class ForwardedForHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.Add("X-Forwarded-For", address.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
