namespace Boards.Portal.Ministry.Reports;

/// <summary>Monitoring's filtered national table (<c>/api/monitoring/national</c>).</summary>
public static class ReportCalls
{
    public static Task<ApiResult<NationalTableView>> NationalTableAsync(this BoardsApi api, ReportFilters filters, CancellationToken ct = default)
    {
        var query = filters.ApiQuery;
        return api.SendAsync<NationalTableView>(HttpMethod.Get, query.Length == 0 ? "api/monitoring/national" : "api/monitoring/national?" + query, null, ct);
    }
}
