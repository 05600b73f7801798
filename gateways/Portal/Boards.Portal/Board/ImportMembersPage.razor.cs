using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Boards.Portal.Naming;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Board;

public partial class ImportMembersPage
{
    [Parameter] public string Code { get; set; } = "";
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool _allowed;
    private ImportFailure? _failure;
    private IReadOnlyDictionary<string, string[]>? _fileErrors;

    private string Name => Names.Municipality(Code);

    protected override async Task OnInitializedAsync()
    {
        Code = Code.Trim().ToLowerInvariant();
        // Membership decides (BoardAccess); the page is only offered to whom it lets change the board.
        _allowed = CurrentUser.From((await AuthenticationState!).User).CanEditBoard(Code);
        if (!_allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        await Names.LoadAsync(NameLists.Municipalities);
    }

    private async Task ImportAsync()
    {
        if (!_allowed)
        {
            return;
        }

        var file = HttpContext?.Request.HasFormContentType == true ? HttpContext.Request.Form.Files.GetFile("file") : null;
        if (file is null || file.Length == 0)
        {
            _fileErrors = new Dictionary<string, string[]> { ["file"] = [L["Board.Import.NoFile"]] };
            return;
        }

        var before = await Api.RepresentativityAsync(Code, "roster");
        var outcome = await MemberImport.SendAsync(HttpClients, Logger, Code, file);
        switch (outcome)
        {
            case { Outcome: ApiOutcome.Ok, JobId: { } job }:
                Navigation.NavigateTo($"/mesa/{Code}/importar/{job}");
                return;
            case { Outcome: ApiOutcome.Ok }:
                Navigation.NavigateTo(BoardLinks.Done(Code, "importados", before.IsOk ? before.Value!.Assessment.Score : null));
                return;
            case { Outcome: ApiOutcome.Unauthorized }:
                Navigation.ToSignIn();
                return;
            case { Failure: { } failure }:
                _failure = failure.Outcome switch
                {
                    ApiOutcome.Forbidden => failure with { Title = L["Board.Edit.Forbidden"] },
                    ApiOutcome.Unavailable => failure with { Title = L["Board.Edit.Unavailable"] },
                    _ => failure,
                };
                return;
            default:
                _failure = new ImportFailure(ApiOutcome.Unavailable, L["Board.Edit.Unavailable"], null, []);
                return;
        }
    }
}
