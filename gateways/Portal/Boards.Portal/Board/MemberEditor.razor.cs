using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Boards.Portal.Board;

public partial class MemberEditor
{
    [Parameter, EditorRequired] public string Code { get; set; } = "";
    /// <summary>The board's current version: a change made since the person read is refused instead of overwritten.</summary>
    [Parameter] public long Version { get; set; }
    [Parameter] public IReadOnlyList<MemberView> Active { get; set; } = [];
    /// <summary>The membership being corrected (the roster's "Corregir" link), if any.</summary>
    [Parameter] public MemberView? Correcting { get; set; }
    /// <summary>The score before the change, carried to the board so that it can say how the change moved it.</summary>
    [Parameter] public decimal? ScoreBefore { get; set; }

    [SupplyParameterFromForm(FormName = "add-member")] public MemberForm? Add { get; set; }
    [SupplyParameterFromForm(FormName = "correct-member")] public MemberForm? Fix { get; set; }
    [SupplyParameterFromForm(FormName = "end-member")] public EndMemberForm? End { get; set; }

    private string? _error;
    private IReadOnlyDictionary<string, string[]>? _addErrors;
    private IReadOnlyDictionary<string, string[]>? _fixErrors;
    private IReadOnlyDictionary<string, string[]>? _endErrors;

    protected override void OnInitialized()
    {
        Add ??= new();
        End ??= new();
        Fix ??= Correcting is null ? new() : MemberForm.From(Correcting);
    }

    private async Task AddAsync()
    {
        var result = await Api.AddMemberAsync(Code, Add!.Body());
        Done(result, "miembro");
        _addErrors = result.FieldErrors;
    }

    private async Task CorrectAsync()
    {
        var result = await Api.CorrectMemberAsync(Code, Fix!.MemberId ?? "", Fix.Body());
        Done(result, "correccion");
        _fixErrors = result.FieldErrors;
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
        Done(result, "baja");
        _endErrors = result.FieldErrors;
    }

    /// <summary>Back to the board on success (post/redirect/get), saying what was done; else the banner, and what was typed stays.</summary>
    private void Done<T>(ApiResult<T> result, string what)
    {
        if (result.IsOk)
        {
            Navigation.NavigateTo(BoardLinks.Done(Code, what, ScoreBefore));
            return;
        }

        _error = BoardEditAnswer.Message(L, Navigation, result);
    }
}
