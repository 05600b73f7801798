namespace Boards.Portal.Plan;

/// <summary>Planning (<c>/api/plans</c>): reading the plan, and every change the focal point makes to it.</summary>
public static class PlanCalls
{
    public static Task<ApiResult<List<PlanSummaryItemView>>> PlansAsync(this BoardsApi api, string municipality, int year, CancellationToken ct = default) =>
        api.SendAsync<List<PlanSummaryItemView>>(HttpMethod.Get, $"api/plans?municipality={Uri.EscapeDataString(municipality)}&year={year}", null, ct);

    public static Task<ApiResult<PlanDetailView>> PlanAsync(this BoardsApi api, Guid id, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Get, $"api/plans/{id}", null, ct);

    public static Task<ApiResult<List<PrioritizedNeedView>>> PrioritizedNeedsAsync(this BoardsApi api, string municipality, CancellationToken ct = default) =>
        api.SendAsync<List<PrioritizedNeedView>>(HttpMethod.Get, $"api/plans/needs?municipality={Uri.EscapeDataString(municipality)}", null, ct);

    public static Task<ApiResult<PlanDetailView>> CreatePlanAsync(this BoardsApi api, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Post, "api/plans", body, ct);

    public static Task<ApiResult<PlanDetailView>> AddObjectiveAsync(this BoardsApi api, Guid plan, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Post, $"api/plans/{plan}/objectives", body, ct);

    public static Task<ApiResult<PlanDetailView>> UpdateObjectiveAsync(this BoardsApi api, Guid plan, Guid objective, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Put, $"api/plans/{plan}/objectives/{objective}", body, ct);

    public static Task<ApiResult<PlanDetailView>> RemoveObjectiveAsync(this BoardsApi api, Guid plan, Guid objective, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Post, $"api/plans/{plan}/objectives/{objective}/remove", body, ct);

    public static Task<ApiResult<PlanActionView>> AddActionAsync(this BoardsApi api, Guid plan, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanActionView>(HttpMethod.Post, $"api/plans/{plan}/actions", body, ct);

    public static Task<ApiResult<PlanActionView>> UpdateActionAsync(this BoardsApi api, Guid plan, Guid action, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanActionView>(HttpMethod.Put, $"api/plans/{plan}/actions/{action}", body, ct);

    public static Task<ApiResult<PlanDetailView>> RemoveActionAsync(this BoardsApi api, Guid plan, Guid action, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Post, $"api/plans/{plan}/actions/{action}/remove", body, ct);

    public static Task<ApiResult<PlanProgressResultView>> RecordProgressAsync(this BoardsApi api, Guid plan, Guid action, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanProgressResultView>(HttpMethod.Post, $"api/plans/{plan}/actions/{action}/progress", body, ct);

    public static Task<ApiResult<PlanDetailView>> ApprovePlanAsync(this BoardsApi api, Guid plan, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Post, $"api/plans/{plan}/approve", body, ct);

    public static Task<ApiResult<PlanDetailView>> AmendPlanAsync(this BoardsApi api, Guid plan, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanDetailView>(HttpMethod.Post, $"api/plans/{plan}/amendments", body, ct);

    public static Task<ApiResult<List<PlanVersionView>>> PlanVersionsAsync(this BoardsApi api, Guid plan, CancellationToken ct = default) =>
        api.SendAsync<List<PlanVersionView>>(HttpMethod.Get, $"api/plans/{plan}/versions", null, ct);

    public static Task<ApiResult<PlanDiffView>> PlanDiffAsync(this BoardsApi api, Guid plan, int version, CancellationToken ct = default) =>
        api.SendAsync<PlanDiffView>(HttpMethod.Get, $"api/plans/{plan}/versions/{version}/diff", null, ct);

    public static Task<ApiResult<List<PlanProposalView>>> ProposalsAsync(this BoardsApi api, string municipality, CancellationToken ct = default) =>
        api.SendAsync<List<PlanProposalView>>(HttpMethod.Get, $"api/plans/proposals?municipality={Uri.EscapeDataString(municipality)}", null, ct);

    public static Task<ApiResult<AcceptedProposalView>> AcceptProposalAsync(this BoardsApi api, Guid agreement, object body, CancellationToken ct = default) =>
        api.SendAsync<AcceptedProposalView>(HttpMethod.Post, $"api/plans/proposals/{agreement}/accept", body, ct);

    public static Task<ApiResult<PlanProposalView>> DismissProposalAsync(this BoardsApi api, Guid agreement, object body, CancellationToken ct = default) =>
        api.SendAsync<PlanProposalView>(HttpMethod.Post, $"api/plans/proposals/{agreement}/dismiss", body, ct);
}
