using System.Globalization;
using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Boards.Portal.Naming;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.ServiceDays;

public partial class ServiceDayPage
{
    private const string CancelAction = "cancel";
    private const string ReportAction = "report";

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "hecho")] public string? Done { get; set; }
    [SupplyParameterFromQuery(Name = "necesidades")] public string? Needs { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromForm(FormName = "confirm")] public DayActionForm? Confirm { get; set; }
    [SupplyParameterFromForm(FormName = "hold")] public DayActionForm? Hold { get; set; }
    [SupplyParameterFromForm(FormName = "cancel")] public DayActionForm? Cancel { get; set; }
    [SupplyParameterFromForm(FormName = "report")] public DayActionForm? Report { get; set; }
    [SupplyParameterFromForm(FormName = "edit-day")] public PlanDayForm? Plan { get; set; }

    private static readonly string[] DoneKeys = ["plan", "confirm", "hold", "cancel", "report", "attendance", "attendance-replayed", "retry", "referral-sent", "referral-failed", "edit"];

    private bool _allowed;
    private ApiResult<ServiceDayDetail>? _day;
    private ApiResult<List<DayReferralEntry>>? _referrals;
    private List<NeedCategoryView> _categories = [];
    private List<OfferedServiceView> _catalog = [];
    private ApiResult<List<OfferedServiceView>>? _catalogResult;
    private string? _editError;
    private IReadOnlyDictionary<string, string[]> _editErrors = new Dictionary<string, string[]>();
    private Dictionary<string, string[]> _editServiceErrors = new(StringComparer.OrdinalIgnoreCase);
    private string? _actionError;
    private bool _actionDown;
    private string? _failedAction;
    private IReadOnlyDictionary<string, string[]> _actionErrors = new Dictionary<string, string[]>();

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private IReadOnlyDictionary<string, string> InstitutionNames => Names.Institutions.ByCode;

    private string? DoneMessage
    {
        get
        {
            if (Done is not { Length: > 0 } || !DoneKeys.Contains(Done))
            {
                return null;
            }

            var message = T[$"Done.{Done}"].Value;
            var needs = (Needs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (Done.StartsWith("attendance", StringComparison.Ordinal) && needs.Length > 0)
            {
                var names = needs.Select(code => _categories.FirstOrDefault(c => c.Code == code)?.Name ?? code);
                message += " " + T["Done.Needs", string.Join(", ", names)];
            }

            return message;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        Confirm ??= new();
        Hold ??= new();
        Cancel ??= new();
        Report ??= new();
        Plan?.ReadServices(HttpContext);

        var user = CurrentUser.From((await AuthenticationState!).User);
        _allowed = user.IsMinistry || user.IsFocalPoint;
        if (!_allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        await LoadAsync();
        if (_day is { IsOk: true } && !user.CanSeeBoard(_day.Value!.MunicipalityCode))
        {
            _allowed = false;
            PageAnswer.Forbidden(HttpContext);
        }
    }

    private async Task LoadAsync()
    {
        var day = Api.ServiceDayAsync(Id);
        var referrals = Api.DayReferralsAsync(Id);
        var names = Names.LoadAsync(NameLists.Institutions);
        var categories = Api.NeedCategoriesAsync();
        _day = await day;
        _referrals = await referrals;
        await names;
        _categories = (await categories).Value ?? [];
        if (_day.IsOk)
        {
            // The referrals made on the day name their service from the municipality's offer.
            await Names.LoadAsync(NameLists.None, [_day.Value!.MunicipalityCode]);
        }
        if (_day.IsOk && _day.Value!.Status is "planned" or "confirmed" or "held")
        {
            _catalogResult = await Api.OfferedServicesAsync(_day.Value.MunicipalityCode);
            _catalog = _catalogResult.Value ?? [];
        }

        if (Plan is null && _day.IsOk)
        {
            Plan = PlanDayForm.From(_day.Value!);
        }

        switch (_day.Outcome)
        {
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                break;
            case ApiOutcome.Forbidden:
                PageAnswer.Forbidden(HttpContext);
                break;
            case ApiOutcome.NotFound:
                PageAnswer.NotFound(HttpContext);
                break;
        }
    }

    /// <summary>The actions of this state (see docs/service-days.md, Lifecycle); the API decides who may take them.</summary>
    private static HashSet<string> Allowed(string status) => status switch
    {
        "planned" => ["confirm", "cancel"],
        "confirmed" => ["hold", "cancel"],
        "held" or "reported" => ["report"],
        _ => [],
    };

    private IReadOnlyDictionary<string, string[]>? ErrorsFor(string action) => _failedAction == action ? _actionErrors : null;

    private async Task ApplyAsync(string action, DayActionForm form)
    {
        if (!_allowed || _day is not { IsOk: true })
        {
            return;
        }

        var result = await Api.ServiceDayActionAsync(Id, action, form.Body(action));
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/jornadas/dia/{Id}?hecho={action}");
            return;
        }

        await ShowFailureAsync(result, errors =>
        {
            _failedAction = action;
            _actionErrors = errors;
        });
    }

    private async Task EditAsync()
    {
        if (!_allowed || _day is not { IsOk: true })
        {
            return;
        }

        var result = await Api.UpdateServiceDayAsync(Id, Plan!.Body(_day.Value!.MunicipalityCode));
        switch (result.Outcome)
        {
            case ApiOutcome.Ok:
                Navigation.NavigateTo($"/jornadas/dia/{Id}?hecho=edit");
                return;
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Invalid:
                (_editServiceErrors, var other) = Plan.SplitErrors(result.FieldErrors);
                if (Plan.ExpectedAttendanceNotANumber)
                {
                    other["expectedAttendance"] = [T["Plan.ExpectedNotANumber"]];
                }

                _editErrors = other;
                _editError = T["FixErrors"];
                return;
            case ApiOutcome.Unavailable:
                _editError = T["Edit.Unavailable"];
                return;
            case ApiOutcome.Forbidden:
                _editError = T["ActionForbidden"];
                return;
            default:
                // Someone changed or moved the day first: show it as it is now.
                _editError = T["Conflict", result.Detail ?? result.Title ?? ""];
                _day = await Api.ServiceDayAsync(Id);
                if (_day.IsOk)
                {
                    Plan = PlanDayForm.From(_day.Value!);
                }

                return;
        }
    }

    private async Task ShowFailureAsync<TValue>(ApiResult<TValue> result, Action<IReadOnlyDictionary<string, string[]>> fieldErrors)
    {
        switch (result.Outcome)
        {
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Unavailable:
                _actionDown = true;
                return;
            case ApiOutcome.Invalid:
                fieldErrors(result.FieldErrors);
                _actionError = T["FixErrors"];
                return;
            case ApiOutcome.Forbidden:
                _actionError = T["ActionForbidden"];
                return;
            case ApiOutcome.NotFound:
                _actionError = T["Day.NotFoundBody"];
                return;
            default:
                _actionError = T["Conflict", result.Detail ?? result.Title ?? ""];
                _day = await Api.ServiceDayAsync(Id);
                _referrals = await Api.DayReferralsAsync(Id);
                return;
        }
    }

}
