using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Board.Sessions;

public partial class SessionPage
{
    [Parameter] public string Code { get; set; } = "";
    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromForm(FormName = "correct-session")] public SessionForm? Fix { get; set; }
    [SupplyParameterFromForm(FormName = "close-session")] public SessionChangeForm? Shut { get; set; }
    /// <summary>Any agreement's status form (each has its own form name, "agreement-{id}").</summary>
    [SupplyParameterFromForm] public SessionChangeForm? Move { get; set; }

    private bool _allowed;
    private bool _canEdit;
    private string? _name;
    private ApiResult<SessionView>? _session;
    private ApiResult<List<MemberView>>? _members;
    private ApiResult<List<InstitutionView>> _institutions = new();
    private string? _error;
    private IReadOnlyList<SessionChange> _changes = [];
    private IReadOnlyDictionary<string, string[]>? _fixErrors;
    private IReadOnlyDictionary<string, string[]>? _moveErrors;
    private Guid? _moveFailedFor;
    private string? _lostMinutes;

    private string Title => _session is { IsOk: true } s
        ? L["Sessions.Title", s.Value!.Date.ToString("d", System.Globalization.CultureInfo.CurrentCulture), _name ?? Code]
        : L["Sessions.TitleUnknown", _name ?? Code];

    private IReadOnlyList<MemberView> Roster => _members?.Value ?? [];

    private MemberView? Member(Guid id) => Roster.FirstOrDefault(m => m.Id == id);

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

        var session = Api.SessionAsync(Code, Id);
        var members = Api.MembersAsync(Code);
        var institutions = Api.InstitutionsAsync();
        var municipality = Api.MunicipalityAsync(Code);
        _session = await session;
        _members = await members;
        _institutions = await institutions;
        _name = (await municipality).Value?.Name;
        if (_session.Outcome == ApiOutcome.Forbidden)
        {
            _allowed = false;
        }

        PageAnswer.Refused(_session.Outcome, Navigation, HttpContext);
        if (_session.IsOk)
        {
            // A correction posted keeps what was typed; otherwise the form starts from the session as it is.
            if (Fix is null)
            {
                Fix = SessionForm.From(_session.Value!);
            }
            else
            {
                Fix.ReadAttendees(HttpContext, "Fix");
            }
        }
    }

    private async Task CorrectAsync()
    {
        if (!_canEdit || _session is not { IsOk: true })
        {
            return;
        }

        var result = await Api.CorrectSessionAsync(Code, Id, Fix!.CorrectBody());
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/mesa/{Code}/sesiones/{Id}?hecho=corregida");
            return;
        }

        _fixErrors = Fix.FormErrors(result.FieldErrors);
        await FailedAsync(result, Fix.Seen);
        if (_session.Value?.Status == "closed" && !string.IsNullOrWhiteSpace(Fix.Minutes))
        {
            _lostMinutes = Fix.Minutes;
        }
    }

    private async Task CloseAsync()
    {
        if (!_canEdit || _session is not { IsOk: true })
        {
            return;
        }

        var result = await Api.CloseSessionAsync(Code, Id, Shut!.Version);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/mesa/{Code}/sesiones/{Id}?hecho=cerrada");
            return;
        }

        await FailedAsync(result, Shut.Seen);
    }

    private async Task MoveAsync(Guid agreementId)
    {
        if (!_canEdit || _session is not { IsOk: true } || Move is null)
        {
            return;
        }

        var status = MemberCodes.Empty(Move.Status);
        var result = await Api.ChangeAgreementStatusAsync(Code, Id, agreementId, status, Move.Version);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/mesa/{Code}/sesiones/{Id}?hecho=acuerdo");
            return;
        }

        _moveFailedFor = agreementId;
        _moveErrors = result.FieldErrors;
        await FailedAsync(result, Move.Seen);
    }

    /// <summary>
    /// The banner; when someone changed the session meanwhile, the session as it is now with what changed, and the
    /// correction form keeps what this person typed (with the new version, so saving again is their decision).
    /// </summary>
    private async Task FailedAsync<T>(ApiResult<T> result, string? seen)
    {
        _error = SessionAnswers.Failure(result, L, Navigation);
        if (!SessionAnswers.IsStale(result) && result.Outcome != ApiOutcome.Conflict)
        {
            return;
        }

        var now = await Api.SessionAsync(Code, Id);
        if (!now.IsOk)
        {
            return;
        }

        _session = now;
        if (SessionAnswers.IsStale(result))
        {
            _changes = SessionSnapshot.Changes(seen, now.Value!);
            _error = L["Sessions.Stale"];
        }
    }

    private string ChangeText(SessionChange change) => change.Kind switch
    {
        SessionChangeKind.Closed => L["Sessions.Changed.Closed"],
        SessionChangeKind.Minutes => L["Sessions.Changed.Minutes"],
        SessionChangeKind.Attendance => L["Sessions.Changed.Attendance", _session!.Value!.Attendees.Count, _session.Value.VotingPresent],
        _ => L["Sessions.Changed.Agreement", change.Agreement!.What, L.Coded("Agreement.Status", change.Agreement.Status)],
    };
}
