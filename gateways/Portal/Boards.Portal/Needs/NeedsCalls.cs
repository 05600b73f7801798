namespace Boards.Portal.Needs;

/// <summary>Needs: assessment rounds (<c>/api/needs/rounds</c>), the offer catalog (<c>/api/offer</c>) and the gap analysis.</summary>
public static class NeedsCalls
{
    public static Task<ApiResult<List<RoundSummaryView>>> RoundsAsync(this BoardsApi api, string municipality, CancellationToken ct = default) =>
        api.SendAsync<List<RoundSummaryView>>(HttpMethod.Get, $"api/needs/rounds?municipality={Uri.EscapeDataString(municipality)}", null, ct);

    public static Task<ApiResult<RoundView>> OpenRoundAsync(this BoardsApi api, string municipality, string? period, string? title, CancellationToken ct = default) =>
        api.SendAsync<RoundView>(HttpMethod.Post, "api/needs/rounds", new { municipalityCode = municipality, period, title }, ct);

    public static Task<ApiResult<RoundView>> RoundAsync(this BoardsApi api, Guid id, CancellationToken ct = default) =>
        api.SendAsync<RoundView>(HttpMethod.Get, $"api/needs/rounds/{id}", null, ct);

    public static Task<ApiResult<RoundNeedView>> AddNeedAsync(this BoardsApi api, Guid roundId, object need, CancellationToken ct = default) =>
        api.SendAsync<RoundNeedView>(HttpMethod.Post, $"api/needs/rounds/{roundId}/needs", need, ct);

    public static Task<ApiResult<BallotView>> CastBallotAsync(
        this BoardsApi api, Guid roundId, Guid memberId, string memberName, IReadOnlyList<Guid> ranking, CancellationToken ct = default) =>
        api.SendAsync<BallotView>(HttpMethod.Put, $"api/needs/rounds/{roundId}/ballots/{memberId}", new { memberName, ranking }, ct);

    public static Task<ApiResult<RoundView>> CloseRoundAsync(this BoardsApi api, Guid roundId, int expectedVersion, CancellationToken ct = default) =>
        api.SendAsync<RoundView>(HttpMethod.Post, $"api/needs/rounds/{roundId}/close", new { expectedVersion }, ct);

    public static Task<ApiResult<GapAnalysisView>> GapAnalysisAsync(this BoardsApi api, string municipality, CancellationToken ct = default) =>
        api.SendAsync<GapAnalysisView>(HttpMethod.Get, $"api/needs/gap-analysis/{Uri.EscapeDataString(municipality)}", null, ct);

    public static Task<ApiResult<List<OfferServiceView>>> OfferAsync(this BoardsApi api, string municipality, CancellationToken ct = default) =>
        api.SendAsync<List<OfferServiceView>>(HttpMethod.Get, $"api/offer/{Uri.EscapeDataString(municipality)}/services", null, ct);

    public static Task<ApiResult<OfferServiceView>> AddServiceAsync(this BoardsApi api, string municipality, object service, CancellationToken ct = default) =>
        api.SendAsync<OfferServiceView>(HttpMethod.Post, $"api/offer/{Uri.EscapeDataString(municipality)}/services", service, ct);

    /// <summary>Only the capacity (status, waiting time, monthly places) with the version read: focal points, the admin and officers of the service's institution.</summary>
    public static Task<ApiResult<OfferServiceView>> UpdateCapacityAsync(
        this BoardsApi api, string municipality, string code, object capacity, CancellationToken ct = default) =>
        api.SendAsync<OfferServiceView>(
            HttpMethod.Put, $"api/offer/{Uri.EscapeDataString(municipality)}/services/{Uri.EscapeDataString(code)}/capacity", capacity, ct);
}
