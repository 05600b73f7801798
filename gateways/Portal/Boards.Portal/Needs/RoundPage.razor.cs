using Boards.Portal.Authentication;
using Boards.Portal.Board;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Needs;

public partial class RoundPage
{
    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "hecho")] public string? Hecho { get; set; }
    [SupplyParameterFromForm(FormName = "add-need")] public NeedForm? Need { get; set; }
    [SupplyParameterFromForm(FormName = "ballot")] public BallotForm? Ballot { get; set; }
    [SupplyParameterFromForm(FormName = "close-round")] public CloseRoundForm? Close { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool _allowed;
    private ApiResult<RoundView>? _round;
    private ApiResult<List<NeedCategoryView>>? _categories;
    private ApiResult<List<MemberView>>? _members;
    private string? _actionError;
    private IReadOnlyDictionary<string, string[]> _needErrors = new Dictionary<string, string[]>();
    private IReadOnlyDictionary<string, string[]> _ballotErrors = new Dictionary<string, string[]>();

    private string Period => _round is { IsOk: true } ? _round.Value!.Period : "";

    protected override async Task OnInitializedAsync()
    {
        Need ??= new();
        Ballot ??= new();
        Close ??= new();
        var user = CurrentUser.From((await AuthenticationState!).User);
        // Only the ministry and focal points read rounds; Needs checks the municipality itself.
        _allowed = user.IsMinistry || user.IsFocalPoint;
        if (!_allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _round = await Api.RoundAsync(Id);
        switch (_round.Outcome)
        {
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Forbidden:
                PageAnswer.Forbidden(HttpContext);
                return;
            case ApiOutcome.NotFound:
                PageAnswer.NotFound(HttpContext);
                return;
            case not ApiOutcome.Ok:
                return;
        }

        _categories ??= await Api.NeedCategoriesAsync();
        if (_round.Value!.IsOpen)
        {
            _members ??= await Api.MembersAsync(_round.Value.MunicipalityCode);
        }
    }

    private async Task AddNeedAsync()
    {
        if (_round is not { IsOk: true })
        {
            return;
        }

        var result = await Api.AddNeedAsync(Id, Need!.Body());
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/necesidades/ronda/{Id}?hecho=necesidad");
            return;
        }

        _needErrors = result.FieldErrors;
        await FailedAsync(result);
    }

    private async Task CastBallotAsync()
    {
        if (_round is not { IsOk: true })
        {
            return;
        }

        var (ranking, errors) = BallotCheck.Read(Ballot!, _round.Value!.Needs.Select(n => n.Id).ToList(), T);
        var member = _members is { IsOk: true } ? _members.Value!.FirstOrDefault(m => m.Id.ToString() == Ballot!.MemberId) : null;
        if (errors.Count == 0 && member is null)
        {
            errors[BallotCheck.MemberField] = [T["Ballot.Error.Member"]];
        }

        if (errors.Count > 0)
        {
            _ballotErrors = errors;
            _actionError = T["FixErrors"];
            return;
        }

        var result = await Api.CastBallotAsync(Id, member!.Id, member.PersonName, ranking);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/necesidades/ronda/{Id}?hecho=boleta");
            return;
        }

        _ballotErrors = result.FieldErrors;
        await FailedAsync(result);
    }

    private async Task CloseAsync()
    {
        if (_round is not { IsOk: true })
        {
            return;
        }

        var result = await Api.CloseRoundAsync(Id, Close!.Version);
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/necesidades/ronda/{Id}?hecho=cerrada");
            return;
        }

        await FailedAsync(result);
    }

    /// <summary>What a failed action shows: the fields' errors, Needs' message for a 409 or 403, or that Needs is down.</summary>
    private async Task FailedAsync<TValue>(ApiResult<TValue> result)
    {
        switch (result.Outcome)
        {
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return;
            case ApiOutcome.Invalid:
                _actionError = result.FieldErrors.Count > 0 ? T["FixErrors"] : result.Detail ?? result.Title ?? T["FixErrors"];
                return;
            case ApiOutcome.Unavailable:
                _actionError = T["Down.Action"];
                return;
            default:
                _actionError = result.Detail ?? result.Title ?? T["Down.Action"];
                // Someone else changed the round (a need, a ballot, closed it): show what it is now.
                if (result.Outcome == ApiOutcome.Conflict)
                {
                    _round = await Api.RoundAsync(Id);
                }

                return;
        }
    }

}
