using Boards.Portal.Api;

namespace Boards.Portal.Ministry;

/// <summary>Monitoring (<c>/api/monitoring</c>).</summary>
public static class MonitoringCalls
{
    /// <summary>Every municipality's summary in the caller's scope (the ministry: all; a focal point: its own).</summary>
    public static Task<ApiResult<List<MunicipalitySummaryView>>> MunicipalitySummariesAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<List<MunicipalitySummaryView>>(HttpMethod.Get, "api/monitoring/municipalities", null, ct);

    public static Task<ApiResult<MunicipalitySummaryView>> MunicipalitySummaryAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<MunicipalitySummaryView>(HttpMethod.Get, $"api/monitoring/municipalities/{Uri.EscapeDataString(code)}", null, ct);
}
