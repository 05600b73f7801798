using System.Globalization;
using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Boards.Portal.Naming;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Board;

public partial class BoardPage
{
    [Parameter] public string Code { get; set; } = "";
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    /// <summary>The roster score before the change just made (see <see cref="BoardLinks.Done"/>).</summary>
    [SupplyParameterFromQuery(Name = "antes")] public string? Antes { get; set; }
    /// <summary>The membership whose correction form is open.</summary>
    [SupplyParameterFromQuery(Name = "corregir")] public string? Corregir { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool _allowed;
    private bool _canEdit;
    private ApiResult<BoardView>? _board;
    private ApiResult<List<MemberView>>? _members;
    private ApiResult<List<FocalPointTermView>>? _terms;
    private ApiResult<List<SessionView>>? _sessions;
    private ApiResult<BoardRepresentativityView>? _roster;
    private ApiResult<BoardRepresentativityView>? _attendance;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private IReadOnlyList<MemberView> ActiveMembers => _members is { IsOk: true } ? _members.Value!.Where(m => m.Active).ToList() : [];

    // Query values are typed by anyone: text that is not a number or an id is ignored, never an error.
    private decimal? ScoreBefore => decimal.TryParse(Antes, NumberStyles.Number, CultureInfo.InvariantCulture, out var score) ? score : null;

    private MemberView? Correcting => Guid.TryParse(Corregir, out var id) && _members is { IsOk: true } ? _members.Value!.FirstOrDefault(m => m.Id == id) : null;

    private decimal? ScoreNow => _roster is { IsOk: true } ? _roster.Value!.Assessment.Score : null;

    /// <summary>The district's name (Membership's list, shared by everyone); the code only when that list cannot be read.</summary>
    private string Name => Names.Municipality(Code);

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

        var names = Names.LoadAsync(NameLists.Municipalities | NameLists.Institutions);
        _board = await Api.BoardAsync(Code);
        await names;

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
