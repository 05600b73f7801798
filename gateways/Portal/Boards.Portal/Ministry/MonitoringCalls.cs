namespace Boards.Portal.Ministry;

/// <summary>Monitoring (<c>/api/monitoring</c>).</summary>
public static class MonitoringCalls
{
    /// <summary>Every municipality's summary in the caller's scope (the ministry: all; a focal point: its own).</summary>
    public static Task<ApiResult<List<MunicipalitySummaryView>>> MunicipalitySummariesAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<List<MunicipalitySummaryView>>(HttpMethod.Get, "api/monitoring/municipalities", null, ct);

    public static Task<ApiResult<MunicipalitySummaryView>> MunicipalitySummaryAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<MunicipalitySummaryView>(HttpMethod.Get, $"api/monitoring/municipalities/{Uri.EscapeDataString(code)}", null, ct);

    /// <summary>Newest first; <paramref name="status"/> active, acknowledged or resolved (null: all).</summary>
    public static Task<ApiResult<List<EarlyWarningView>>> WarningsAsync(this BoardsApi api, string? municipality, string? status, CancellationToken ct = default)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(municipality))
        {
            query.Add("municipality=" + Uri.EscapeDataString(municipality));
        }

        if (!string.IsNullOrEmpty(status))
        {
            query.Add("status=" + Uri.EscapeDataString(status));
        }

        var path = query.Count == 0 ? "api/monitoring/warnings" : "api/monitoring/warnings?" + string.Join('&', query);
        return api.SendAsync<List<EarlyWarningView>>(HttpMethod.Get, path, null, ct);
    }

    public static Task<ApiResult<EarlyWarningView>> AcknowledgeWarningAsync(this BoardsApi api, Guid id, string? note, CancellationToken ct = default) =>
        api.SendAsync<EarlyWarningView>(HttpMethod.Post, $"api/monitoring/warnings/{id}/acknowledge", new AcknowledgeWarningRequest(note), ct);

    public static Task<ApiResult<MunicipalityTrendsView>> MunicipalityTrendsAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<MunicipalityTrendsView>(HttpMethod.Get, $"api/monitoring/municipalities/{Uri.EscapeDataString(code)}/trends", null, ct);
}
