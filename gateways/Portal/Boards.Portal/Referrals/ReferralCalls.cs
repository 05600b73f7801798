using System.Text;

namespace Boards.Portal.Referrals;

/// <summary>Referrals (<c>/api/referrals</c>).</summary>
public static class ReferralCalls
{
    public static Task<ApiResult<ReferralPage>> ListReferralsAsync(this BoardsApi api, string? status, bool overdueOnly, string? municipalityCode, string? pageToken, CancellationToken ct = default)
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

        return api.SendAsync<ReferralPage>(HttpMethod.Get, query.ToString(), null, ct);
    }

    public static Task<ApiResult<ReferralView>> GetReferralAsync(this BoardsApi api, Guid id, CancellationToken ct = default) =>
        api.SendAsync<ReferralView>(HttpMethod.Get, $"api/referrals/{id}", null, ct);

    public static Task<ApiResult<ReferralView>> CreateReferralAsync(this BoardsApi api, CreateReferralRequest request, CancellationToken ct = default) =>
        api.SendAsync<ReferralView>(HttpMethod.Post, "api/referrals", request, ct);

    /// <summary>The person's full record, with the reason the reader gave (kept in the read audit).</summary>
    public static Task<ApiResult<ReferralView>> ReadFullReferralAsync(this BoardsApi api, Guid id, string? reason, CancellationToken ct = default) =>
        api.SendAsync<ReferralView>(HttpMethod.Post, $"api/referrals/{id}/full-read", new { reason }, ct);

    /// <summary>accept, reject, start, hold, resume, counter-referral or cancel, with its body.</summary>
    public static Task<ApiResult<ReferralView>> TransitionAsync(this BoardsApi api, Guid id, string action, object body, CancellationToken ct = default) =>
        api.SendAsync<ReferralView>(HttpMethod.Post, $"api/referrals/{id}/{action}", body, ct);

    /// <summary>Every referral of the referral's person, opened with a stated reason (audited by Referrals).</summary>
    public static Task<ApiResult<PersonRecordView>> PersonRecordAsync(this BoardsApi api, Guid id, string? reason, CancellationToken ct = default) =>
        api.SendAsync<PersonRecordView>(HttpMethod.Post, $"api/referrals/{id}/person-record", new { reason }, ct);
}
