using System.Globalization;
using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Board;

public partial class BoardPage
{
    [Parameter] public string Code { get; set; } = "";
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool _allowed;
    private bool _canEdit;
    private string? _name;
    private ApiResult<BoardView>? _board;
    private ApiResult<List<MemberView>>? _members;
    private ApiResult<List<FocalPointTermView>>? _terms;
    private ApiResult<List<SessionView>>? _sessions;
    private ApiResult<BoardRepresentativityView>? _roster;
    private ApiResult<BoardRepresentativityView>? _attendance;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private IReadOnlyList<MemberView> ActiveMembers => _members is { IsOk: true } ? _members.Value!.Where(m => m.Active).ToList() : [];

    /// <summary>The district's name once the board is known to be readable; the code until then.</summary>
    private string Name => _name ?? Code;

    protected override async Task OnInitializedAsync()
    {
        Code = Code.Trim().ToLowerInvariant();
        var user = CurrentUser.From((await AuthenticationState!).User);
        _allowed = user.CanSeeBoard(Code);
        _canEdit = user.CanEditBoard(Code);
        if (!_allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        _board = await Api.BoardAsync(Code);
        if (_board.IsOk && await Api.MunicipalityAsync(Code) is { IsOk: true } municipality)
        {
            _name = municipality.Value!.Name;
        }

        if (_board.Outcome == ApiOutcome.Unauthorized)
        {
            Navigation.ToSignIn();
            return;
        }

        if (_board.Outcome == ApiOutcome.Forbidden)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        if (_board.Outcome == ApiOutcome.NotFound)
        {
            return;
        }

        _members = await Api.MembersAsync(Code);
        _terms = await Api.FocalPointTermsAsync(Code);
        _sessions = await Api.SessionsAsync(Code);
        _roster = await Api.RepresentativityAsync(Code, "roster");
        _attendance = await Api.RepresentativityAsync(Code, "attendance");
        if (new[] { _members.Outcome, _terms.Outcome, _sessions.Outcome, _roster.Outcome, _attendance.Outcome }.Contains(ApiOutcome.Unauthorized))
        {
            Navigation.ToSignIn();
        }
    }

}
