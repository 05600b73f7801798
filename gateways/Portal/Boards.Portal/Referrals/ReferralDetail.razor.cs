using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Referrals;

public partial class ReferralDetail
{
    private static readonly string[] Actions = ["accept", "reject", "start", "hold", "resume", "counter-referral", "cancel"];
    private static readonly string[] RejectionReasons = ["no_capacity", "not_eligible", "service_not_offered", "incomplete_information", "duplicate", "referred_elsewhere", "other"];
    private static readonly string[] CancellationReasons = ["no_longer_needed", "person_declined", "person_unreachable", "duplicate", "entered_in_error", "other"];
    private static readonly string[] Outcomes = ["got_help", "partially_helped", "could_not_contact", "not_eligible", "no_capacity", "declined_by_person", "referred_elsewhere"];

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromForm(FormName = "accept")] public TransitionForm? Accept { get; set; }
    [SupplyParameterFromForm(FormName = "reject")] public TransitionForm? Reject { get; set; }
    [SupplyParameterFromForm(FormName = "start")] public TransitionForm? Start { get; set; }
    [SupplyParameterFromForm(FormName = "hold")] public TransitionForm? Hold { get; set; }
    [SupplyParameterFromForm(FormName = "resume")] public TransitionForm? Resume { get; set; }
    [SupplyParameterFromForm(FormName = "counter-referral")] public TransitionForm? Counter { get; set; }
    [SupplyParameterFromForm(FormName = "cancel")] public TransitionForm? Cancel { get; set; }
    [SupplyParameterFromForm(FormName = "full-read")] public TransitionForm? FullRead { get; set; }

    private CurrentUser User { get; set; } = null!;
    private ApiResult<ReferralView>? _result;
    private string? _actionError;
    private bool _actionDown;
    private string? _failedAction;
    private IReadOnlyDictionary<string, string[]> _actionErrors = new Dictionary<string, string[]>();
    private bool _fullReadDone;

    protected override async Task OnInitializedAsync()
    {
        Accept ??= new();
        Reject ??= new();
        Start ??= new();
        Hold ??= new();
        Resume ??= new();
        Counter ??= new() { AttendedOn = DateOnly.FromDateTime(DateTime.Today) };
        Cancel ??= new();
        FullRead ??= new();
        User = CurrentUser.From((await AuthenticationState).User);
        var names = Names.LoadAsync(ReferralNames.Lists);
        _result = await Api.GetReferralAsync(Id);
        await names;
        if (_result.Value is { } referral)
        {
            await Names.LoadForAsync([referral]);
        }

        PageAnswer.Refused(_result.Outcome, Navigation, HttpContext);
    }

    private string PersonLabel(ReferralView r) =>
        r.PersonData == "anonymised" ? L["Person.AnonymisedLabel"] : $"{r.Person.GivenNames} {r.Person.FamilyNames}";

    /// <summary>The actions this person may take in this state (the API checks again).</summary>
    private HashSet<string> Allowed(ReferralView r)
    {
        var destination = User.IsDestination(r);
        var either = destination || User.IsOrigin(r);
        var allowed = new HashSet<string>();
        switch (r.Status)
        {
            case "requested":
                if (destination) { allowed.Add("accept"); allowed.Add("reject"); }
                break;
            case "accepted":
                if (destination) { allowed.Add("start"); allowed.Add("counter-referral"); }
                break;
            case "in_progress":
                if (destination) { allowed.Add("hold"); allowed.Add("counter-referral"); }
                break;
            case "on_hold":
                if (destination) { allowed.Add("resume"); }
                break;
        }

        if (either && !r.IsFinal)
        {
            allowed.Add("cancel");
        }

        return allowed;
    }

    private IReadOnlyDictionary<string, string[]>? ErrorsFor(string action) => _failedAction == action ? _actionErrors : null;
    private IReadOnlyDictionary<string, string[]>? HoldErrors => ErrorsFor("hold");
    private IReadOnlyDictionary<string, string[]>? RejectErrors => ErrorsFor("reject");
    private IReadOnlyDictionary<string, string[]>? CounterErrors => ErrorsFor("counter-referral");
    private IReadOnlyDictionary<string, string[]>? CancelErrors => ErrorsFor("cancel");
    private IReadOnlyDictionary<string, string[]>? FullReadErrors => ErrorsFor("full-read");

    /// <summary>
    /// The full record is shown in this answer only: it is not kept, so a reload shows initials again and another
    /// look needs another stated reason (each one is in the read audit).
    /// </summary>
    private async Task ReadFullAsync()
    {
        var result = await Api.ReadFullReferralAsync(Id, FullRead!.Reason);
        switch (result.Outcome)
        {
            case ApiOutcome.Ok:
                _result = result;
                _fullReadDone = true;
                return;
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Unavailable:
                _actionDown = true;
                return;
            case ApiOutcome.Invalid:
                _failedAction = "full-read";
                _actionErrors = result.FieldErrors;
                _actionError = L["Action.FixErrors"];
                return;
            default:
                _actionError = result.Detail ?? result.Title ?? L["Errors.Unexpected"];
                return;
        }
    }

    private async Task ApplyAsync(string action, TransitionForm form)
    {
        var result = await Api.TransitionAsync(Id, action, form.Body(action));
        switch (result.Outcome)
        {
            case ApiOutcome.Ok:
                // Post/redirect/get: a reload does not send the action again.
                Navigation.NavigateTo($"/referencias/{Id}?hecho={action}");
                return;
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Unavailable:
                _actionDown = true;
                return;
            case ApiOutcome.Invalid:
                _failedAction = action;
                _actionErrors = result.FieldErrors;
                _actionError = L["Action.FixErrors"];
                return;
            case ApiOutcome.Conflict:
                _actionError = L["Action.Conflict", result.Detail ?? result.Title ?? ""];
                _result = await Api.GetReferralAsync(Id);
                return;
            case ApiOutcome.Forbidden:
                _actionError = L["Errors.Forbidden"];
                return;
            default:
                _actionError = result.Detail ?? result.Title ?? L["Errors.Unexpected"];
                return;
        }
    }
}
