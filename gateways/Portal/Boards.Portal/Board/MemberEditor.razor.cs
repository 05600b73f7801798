using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Boards.Portal.Board;

public partial class MemberEditor
{
    [Parameter, EditorRequired] public string Code { get; set; } = "";
    /// <summary>The board's version the person saw: a change made meanwhile is refused instead of overwritten.</summary>
    [Parameter] public long Version { get; set; }
    [Parameter] public IReadOnlyList<MemberView> Active { get; set; } = [];

    [SupplyParameterFromForm(FormName = "add-member")] public AddMemberForm? Add { get; set; }
    [SupplyParameterFromForm(FormName = "end-member")] public EndMemberForm? End { get; set; }

    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _addErrors;
    private IReadOnlyDictionary<string, string[]>? _endErrors;

    protected override void OnInitialized()
    {
        Add ??= new();
        End ??= new();
    }

    private async Task AddAsync()
    {
        var result = await Api.AddMemberAsync(Code, Add!.Body());
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/mesa/{Code}?hecho=miembro");
            return;
        }

        _addErrors = result.FieldErrors;
        _error = Failure(result);
    }

    private async Task EndAsync()
    {
        if (string.IsNullOrWhiteSpace(End!.MemberId))
        {
            _endErrors = new Dictionary<string, string[]> { ["memberId"] = [L["Board.Edit.ChooseMember"]] };
            _error = L["Action.FixErrors"];
            return;
        }

        var result = await Api.EndMembershipAsync(Code, End.MemberId, End.Body());
        if (result.IsOk)
        {
            Navigation.NavigateTo($"/mesa/{Code}?hecho=baja");
            return;
        }

        _endErrors = result.FieldErrors;
        _error = Failure(result);
    }

    /// <summary>The banner over the forms; what the person typed stays in the form.</summary>
    private string? Failure<T>(ApiResult<T> result)
    {
        switch (result.Outcome)
        {
            case ApiOutcome.Unauthorized:
                Navigation.ToSignIn();
                return null;
            case ApiOutcome.Invalid:
                return L["Action.FixErrors"];
            case ApiOutcome.Forbidden:
                return L["Board.Edit.Forbidden"];
            case ApiOutcome.Unavailable:
                return L["Board.Edit.Unavailable"];
            default:
                // A stale version or a rule of the board (say, the focal point cannot be ended here): Membership's words.
                return L["Board.Edit.Refused", result.Detail ?? result.Title ?? ""];
        }
    }
}
