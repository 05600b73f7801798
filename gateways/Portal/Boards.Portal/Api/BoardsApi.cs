using System.Net;
using System.Net.Http.Json;
using System.Text;
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

    public Task<ApiResult<ReferralPage>> ListReferralsAsync(string? status, bool overdueOnly, string? municipalityCode, string? pageToken, CancellationToken ct = default)
    {
        var query = new StringBuilder("api/referrals?pageSize=100");
        if (!string.IsNullOrEmpty(status))
        {
            query.Append("&status=").Append(Uri.EscapeDataString(status));
        }

        if (overdueOnly)
        {
            query.Append("&overdueOnly=true");
        }

        if (!string.IsNullOrEmpty(municipalityCode))
        {
            query.Append("&municipalityCode=").Append(Uri.EscapeDataString(municipalityCode));
        }

        if (!string.IsNullOrEmpty(pageToken))
        {
            query.Append("&pageToken=").Append(Uri.EscapeDataString(pageToken));
        }

        return SendAsync<ReferralPage>(HttpMethod.Get, query.ToString(), null, ct);
    }

    public Task<ApiResult<ReferralView>> GetReferralAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<ReferralView>(HttpMethod.Get, $"api/referrals/{id}", null, ct);

    public Task<ApiResult<ReferralView>> CreateReferralAsync(CreateReferralRequest request, CancellationToken ct = default) =>
        SendAsync<ReferralView>(HttpMethod.Post, "api/referrals", request, ct);

    /// <summary>accept, reject, start, hold, resume, counter-referral or cancel, with its body.</summary>
    public Task<ApiResult<ReferralView>> TransitionAsync(Guid id, string action, object body, CancellationToken ct = default) =>
        SendAsync<ReferralView>(HttpMethod.Post, $"api/referrals/{id}/{action}", body, ct);

    public Task<ApiResult<List<InstitutionView>>> InstitutionsAsync(CancellationToken ct = default) =>
        SendAsync<List<InstitutionView>>(HttpMethod.Get, "api/institutions", null, ct);

    public Task<ApiResult<List<MunicipalityView>>> MunicipalitiesAsync(CancellationToken ct = default) =>
        SendAsync<List<MunicipalityView>>(HttpMethod.Get, "api/municipalities", null, ct);

    public Task<ApiResult<List<OfferedServiceView>>> OfferedServicesAsync(string municipality, CancellationToken ct = default) =>
        SendAsync<List<OfferedServiceView>>(HttpMethod.Get, $"api/offer/{Uri.EscapeDataString(municipality)}/services", null, ct);

    public Task<ApiResult<List<NeedCategoryView>>> NeedCategoriesAsync(CancellationToken ct = default) =>
        SendAsync<List<NeedCategoryView>>(HttpMethod.Get, "api/needs/categories", null, ct);

    /// <summary>Every municipality's summary in the caller's scope (the ministry: all; a focal point: its own).</summary>
    public Task<ApiResult<List<MunicipalitySummaryView>>> MunicipalitySummariesAsync(CancellationToken ct = default) =>
        SendAsync<List<MunicipalitySummaryView>>(HttpMethod.Get, "api/monitoring/municipalities", null, ct);

    public Task<ApiResult<MunicipalitySummaryView>> MunicipalitySummaryAsync(string code, CancellationToken ct = default) =>
        SendAsync<MunicipalitySummaryView>(HttpMethod.Get, $"api/monitoring/municipalities/{Uri.EscapeDataString(code)}", null, ct);

    public Task<ApiResult<MunicipalityView>> MunicipalityAsync(string code, CancellationToken ct = default) =>
        SendAsync<MunicipalityView>(HttpMethod.Get, $"api/municipalities/{Uri.EscapeDataString(code)}", null, ct);

    public Task<ApiResult<BoardView>> BoardAsync(string code, CancellationToken ct = default) =>
        SendAsync<BoardView>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}", null, ct);

    /// <summary>The whole roster, ended memberships included (the page shows them as history).</summary>
    public Task<ApiResult<List<MemberView>>> MembersAsync(string code, CancellationToken ct = default) =>
        SendAsync<List<MemberView>>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/members?includeCeased=true", null, ct);

    public Task<ApiResult<List<FocalPointTermView>>> FocalPointTermsAsync(string code, CancellationToken ct = default) =>
        SendAsync<List<FocalPointTermView>>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/focal-points", null, ct);

    public Task<ApiResult<List<SessionView>>> SessionsAsync(string code, CancellationToken ct = default) =>
        SendAsync<List<SessionView>>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/sessions", null, ct);

    /// <summary>The latest assessment on <paramref name="basis"/> (<c>roster</c> or <c>attendance</c>); 404 before the first.</summary>
    public Task<ApiResult<BoardRepresentativityView>> RepresentativityAsync(string code, string basis, CancellationToken ct = default) =>
        SendAsync<BoardRepresentativityView>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/representativity?basis={Uri.EscapeDataString(basis)}", null, ct);

    public Task<ApiResult<List<PlanSummaryItemView>>> PlansAsync(string municipality, int year, CancellationToken ct = default) =>
        SendAsync<List<PlanSummaryItemView>>(HttpMethod.Get, $"api/plans?municipality={Uri.EscapeDataString(municipality)}&year={year}", null, ct);

    public Task<ApiResult<PlanDetailView>> PlanAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<PlanDetailView>(HttpMethod.Get, $"api/plans/{id}", null, ct);

    /// <summary>
    /// A plan's CSV export or printable page (<c>export.csv</c> or <c>print</c>) as the gateway sends it, for the portal to
    /// pass on with the person's token. Null when the gateway did not answer.
    /// </summary>
    public async Task<HttpResponseMessage?> PlanDocumentAsync(Guid id, string document, CancellationToken ct = default)
    {
        try
        {
            return await http.GetAsync($"api/plans/{id}/{document}", HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "El gateway no respondió a GET api/plans/{Id}/{Document}", id, document);
            return null;
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            }

            using var response = await http.SendAsync(request, ct);
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
