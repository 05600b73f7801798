namespace Boards.Portal.Plan;

/// <summary>Planning (<c>/api/plans</c>).</summary>
public static class PlanCalls
{
    public static Task<ApiResult<List<PlanSummaryItemView>>> PlansAsync(this BoardsApi api, string municipality, int year, CancellationToken ct = default) =>
        api.SendAsync<List<PlanSummaryItemView>>(HttpMethod.Get, $"api/plans?municipality={Uri.EscapeDataString(municipality)}&year={year}", null, ct);

    public static Task<ApiResult<PlanDetailView>> PlanAsync(this BoardsApi api, Guid id, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Get, $"api/plans/{id}", null, ct);
}
