namespace Boards.Portal.ServiceDays;

/// <summary>ServiceDays through the gateway (<c>/api/service-days</c>).</summary>
public static class ServiceDayCalls
{
    public static Task<ApiResult<List<ServiceDaySummary>>> ServiceDaysAsync(this BoardsApi api, string municipality, string? status, CancellationToken ct = default) =>
        api.SendAsync<List<ServiceDaySummary>>(HttpMethod.Get,
            $"api/service-days?municipality={Uri.EscapeDataString(municipality)}" + (status is { Length: > 0 } ? $"&status={Uri.EscapeDataString(status)}" : ""),
            null, ct);

    public static Task<ApiResult<ServiceDayDetail>> ServiceDayAsync(this BoardsApi api, Guid id, CancellationToken ct = default) =>
        api.SendAsync<ServiceDayDetail>(HttpMethod.Get, $"api/service-days/{id}", null, ct);

    public static Task<ApiResult<ServiceDayDetail>> PlanServiceDayAsync(this BoardsApi api, object body, CancellationToken ct = default) =>
        api.SendAsync<ServiceDayDetail>(HttpMethod.Post, "api/service-days", body, ct);

    public static Task<ApiResult<ServiceDayDetail>> UpdateServiceDayAsync(this BoardsApi api, Guid id, object body, CancellationToken ct = default) =>
        api.SendAsync<ServiceDayDetail>(HttpMethod.Put, $"api/service-days/{id}", body, ct);

    /// <summary>confirm, hold, cancel (body with reason) or report (body with notes).</summary>
    public static Task<ApiResult<ServiceDayDetail>> ServiceDayActionAsync(this BoardsApi api, Guid id, string action, object body, CancellationToken ct = default) =>
        api.SendAsync<ServiceDayDetail>(HttpMethod.Post, $"api/service-days/{id}/{action}", body, ct);

    public static Task<ApiResult<AttendanceAnswer>> RecordAttendanceAsync(this BoardsApi api, Guid id, object batch, CancellationToken ct = default) =>
        api.SendAsync<AttendanceAnswer>(HttpMethod.Post, $"api/service-days/{id}/attendance-batches", batch, ct);

    public static Task<ApiResult<List<DayReferralEntry>>> DayReferralsAsync(this BoardsApi api, Guid id, CancellationToken ct = default) =>
        api.SendAsync<List<DayReferralEntry>>(HttpMethod.Get, $"api/service-days/{id}/referrals", null, ct);

    public static Task<ApiResult<DayReferralBatch>> SendDayReferralsAsync(this BoardsApi api, Guid id, object body, CancellationToken ct = default) =>
        api.SendAsync<DayReferralBatch>(HttpMethod.Post, $"api/service-days/{id}/referrals", body, ct);

    public static Task<ApiResult<DayReferralEntry>> RetryDayReferralAsync(this BoardsApi api, Guid id, string entryId, CancellationToken ct = default) =>
        api.SendAsync<DayReferralEntry>(HttpMethod.Post, $"api/service-days/{id}/referrals/{Uri.EscapeDataString(entryId)}/retry", new { }, ct);
}
