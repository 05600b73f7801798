namespace Boards.Portal.Board.Sessions;

/// <summary>Membership's sessions of a board (<c>/api/boards/{code}/sessions</c>, docs/membership.md).</summary>
public static class SessionCalls
{
    public static Task<ApiResult<SessionView>> SessionAsync(this BoardsApi api, string code, Guid id, CancellationToken ct = default) =>
        api.SendAsync<SessionView>(HttpMethod.Get, Path(code, id), null, ct);

    public static Task<ApiResult<SessionView>> RecordSessionAsync(this BoardsApi api, string code, object body, CancellationToken ct = default) =>
        api.SendAsync<SessionView>(HttpMethod.Post, $"api/boards/{Uri.EscapeDataString(code)}/sessions", body, ct);

    /// <summary>Minutes and attendance of a draft, with the version the person saw.</summary>
    public static Task<ApiResult<SessionView>> CorrectSessionAsync(this BoardsApi api, string code, Guid id, object body, CancellationToken ct = default) =>
        api.SendAsync<SessionView>(HttpMethod.Patch, Path(code, id), body, ct);

    public static Task<ApiResult<SessionView>> CloseSessionAsync(this BoardsApi api, string code, Guid id, long expectedVersion, CancellationToken ct = default) =>
        api.SendAsync<SessionView>(HttpMethod.Post, Path(code, id) + "/close", new { expectedVersion }, ct);

    public static Task<ApiResult<SessionView>> ChangeAgreementStatusAsync(
        this BoardsApi api, string code, Guid id, Guid agreementId, string? status, long expectedVersion, CancellationToken ct = default) =>
        api.SendAsync<SessionView>(HttpMethod.Post, $"{Path(code, id)}/agreements/{agreementId}/status", new { status, expectedVersion }, ct);

    private static string Path(string code, Guid id) => $"api/boards/{Uri.EscapeDataString(code)}/sessions/{id}";
}
