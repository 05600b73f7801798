namespace Boards.Portal.Board;

/// <summary>Membership's board (<c>/api/boards/{code}</c>).</summary>
public static class BoardCalls
{
    public static Task<ApiResult<BoardView>> BoardAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<BoardView>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}", null, ct);

    /// <summary>The whole roster, ended memberships included (the page shows them as history).</summary>
    public static Task<ApiResult<List<MemberView>>> MembersAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<List<MemberView>>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/members?includeCeased=true", null, ct);

    public static Task<ApiResult<List<FocalPointTermView>>> FocalPointTermsAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<List<FocalPointTermView>>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/focal-points", null, ct);

    public static Task<ApiResult<List<SessionView>>> SessionsAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<List<SessionView>>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/sessions", null, ct);

    /// <summary>The latest assessment on <paramref name="basis"/> (<c>roster</c> or <c>attendance</c>); 404 before the first.</summary>
    public static Task<ApiResult<BoardRepresentativityView>> RepresentativityAsync(this BoardsApi api, string code, string basis, CancellationToken ct = default) =>
        api.SendAsync<BoardRepresentativityView>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/representativity?basis={Uri.EscapeDataString(basis)}", null, ct);

    public static Task<ApiResult<MemberChangeView>> AddMemberAsync(this BoardsApi api, string code, object body, CancellationToken ct = default) =>
        api.SendAsync<MemberChangeView>(HttpMethod.Post, $"api/boards/{Uri.EscapeDataString(code)}/members", body, ct);

    public static Task<ApiResult<MemberChangeView>> EndMembershipAsync(this BoardsApi api, string code, string memberId, object body, CancellationToken ct = default) =>
        api.SendAsync<MemberChangeView>(HttpMethod.Post, $"api/boards/{Uri.EscapeDataString(code)}/members/{Uri.EscapeDataString(memberId)}/end", body, ct);

    public static Task<ApiResult<BoardView>> UpdateBoardAsync(this BoardsApi api, string code, object body, CancellationToken ct = default) =>
        api.SendAsync<BoardView>(HttpMethod.Put, $"api/boards/{Uri.EscapeDataString(code)}", body, ct);

    /// <summary>Corrects a membership recorded wrongly (the whole membership, as adding takes it).</summary>
    public static Task<ApiResult<MemberChangeView>> CorrectMemberAsync(this BoardsApi api, string code, string memberId, object body, CancellationToken ct = default) =>
        api.SendAsync<MemberChangeView>(HttpMethod.Put, $"api/boards/{Uri.EscapeDataString(code)}/members/{Uri.EscapeDataString(memberId)}", body, ct);

    /// <summary>Appoints the focal point; the account's access follows asynchronously (the term's Access).</summary>
    public static Task<ApiResult<FocalPointChangeView>> AppointFocalPointAsync(this BoardsApi api, string code, object body, CancellationToken ct = default) =>
        api.SendAsync<FocalPointChangeView>(HttpMethod.Post, $"api/boards/{Uri.EscapeDataString(code)}/focal-point", body, ct);
}
