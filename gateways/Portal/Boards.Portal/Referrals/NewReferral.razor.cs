using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Referrals;

public partial class NewReferral
{
    private static readonly string[] Priorities = ["normal", "high", "urgent"];
    private static readonly string[] Sexes = ["female", "male", "other"];

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "referral")] public ReferralForm? Form { get; set; }

    private CurrentUser User { get; set; } = null!;
    private ApiResult<List<InstitutionView>> _institutions = new();
    private ApiResult<List<MunicipalityView>> _municipalities = new();
    private ApiResult<List<NeedCategoryView>> _categories = new();
    private ApiResult<List<OfferedServiceView>> _services = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _generalError;
    private bool _referralsDown;
    private ReferralView? _created;

    private CodeField.ListState InstitutionOptions => CodeField.State(_institutions);
    private CodeField.ListState MunicipalityOptions => CodeField.State(_municipalities);
    private CodeField.ListState CategoryOptions => CodeField.State(_categories);

    protected override async Task OnInitializedAsync()
    {
        User = CurrentUser.From((await AuthenticationState).User);
        if (Form is null)
        {
            Form = new ReferralForm
            {
                RequestId = Guid.NewGuid().ToString(),
                MunicipalityCode = User.Municipality,
                DestinationMunicipalityCode = User.Municipality,
                OriginInstitution = User.IsFocalPoint ? "municipalidad" : User.Institution,
            };
        }

        if (User.IsFocalPoint)
        {
            Form.MunicipalityCode = User.Municipality;
        }

        // Each list comes from its own service; one that is down leaves a plain text box and a message.
        var institutions = Api.InstitutionsAsync();
        var municipalities = Api.MunicipalitiesAsync();
        var categories = Api.NeedCategoriesAsync();
        var services = Api.OfferedServicesAsync(Form.DestinationMunicipalityCode ?? Form.MunicipalityCode ?? "alto-vera");
        _institutions = await institutions;
        _municipalities = await municipalities;
        _categories = await categories;
        _services = await services;
        if (_institutions.Outcome == ApiOutcome.Unauthorized || _municipalities.Outcome == ApiOutcome.Unauthorized)
        {
            Navigation.ToSignIn();
        }
    }

    private async Task SubmitAsync()
    {
        var result = await Api.CreateReferralAsync(Form!.ToRequest());
        switch (result.Outcome)
        {
            case ApiOutcome.Ok:
                _created = result.Value;
                await Names.LoadForAsync([_created!]);
                break;
            case ApiOutcome.Invalid:
                _errors = result.FieldErrors;
                _generalError = L["NewReferral.FixErrors"];
                break;
            case ApiOutcome.Conflict when result.ProblemType?.EndsWith("service-not-offered", StringComparison.Ordinal) == true:
                _errors = new Dictionary<string, string[]> { ["serviceCode"] = [result.Detail ?? result.Title ?? ""] };
                _generalError = L["NewReferral.FixErrors"];
                break;
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                break;
            case ApiOutcome.Forbidden:
                _generalError = result.Detail ?? L["Errors.Forbidden"];
                break;
            case ApiOutcome.Unavailable:
                _referralsDown = true;
                break;
            default:
                _generalError = result.Detail ?? result.Title ?? L["Errors.Unexpected"];
                break;
        }
    }

    private string MunicipalityName(string? code) =>
        _municipalities.Value?.FirstOrDefault(m => m.Code == code)?.Name ?? code ?? "";
}
