using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Board.Sessions;

public partial class NewSessionPage
{
    [Parameter] public string Code { get; set; } = "";
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }
    [SupplyParameterFromForm(FormName = "record-session")] public SessionForm? Session { get; set; }

    private bool _allowed;
    private string? _name;
    private decimal _fraction = QuorumPreview.DefaultFraction;
    private ApiResult<List<MemberView>>? _members;
    private ApiResult<List<InstitutionView>> _institutions = new();
    private IReadOnlyDictionary<string, string[]>? _errors;
    private string? _error;

    private string Name => _name ?? Code;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Options.TimeZone).DateTime);

    protected override async Task OnInitializedAsync()
    {
        Code = Code.Trim().ToLowerInvariant();
        _allowed = CurrentUser.From((await AuthenticationState!).User).CanEditBoard(Code);
        if (!_allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        Session ??= new SessionForm { Date = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        Session.ReadAttendees(HttpContext, "Session");
        Session.PadAgreements();

        // The whole roster (ended memberships too, for a session held before they ended), the institutions, and the
        // newest session for the quorum setting it was counted with.
        var members = Api.MembersAsync(Code);
        var institutions = Api.InstitutionsAsync();
        var sessions = Api.SessionsAsync(Code);
        var municipality = Api.MunicipalityAsync(Code);
        _members = await members;
        _institutions = await institutions;
        var list = await sessions;
        _fraction = QuorumPreview.FractionFrom(list.Value);
        _name = (await municipality).Value?.Name;
        _allowed = _members.Outcome != ApiOutcome.Forbidden;
        PageAnswer.Refused(_members.Outcome, Navigation, HttpContext);
    }

    private async Task RecordAsync()
    {
        if (!_allowed || _members is not { IsOk: true })
        {
            return;
        }

        if (Session!.AddAgreement)
        {
            // "Add another": the row was added when the form was read; nothing is sent.
            return;
        }

        var result = await Api.RecordSessionAsync(Code, Session.RecordBody());
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/mesa/{Code}/sesiones/{result.Value!.Id}?hecho=registrada");
            return;
        }

        _errors = Session.FormErrors(result.FieldErrors);
        _error = SessionAnswers.Failure(result, L, Navigation);
    }
}
