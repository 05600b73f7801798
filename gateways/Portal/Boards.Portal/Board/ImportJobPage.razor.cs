using Boards.Portal.Authentication;
using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Boards.Portal.Board;

public partial class ImportJobPage
{
    [Parameter] public string Code { get; set; } = "";
    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool _allowed;
    private ApiResult<MemberImportJobView>? _job;

    protected override async Task OnInitializedAsync()
    {
        Code = Code.Trim().ToLowerInvariant();
        _allowed = CurrentUser.From((await AuthenticationState!).User).CanEditBoard(Code);
        if (!_allowed)
        {
            PageAnswer.Forbidden(HttpContext);
            return;
        }

        _job = await Api.JobAsync(Code, Id.ToString());
        if (!_job.IsOk)
        {
            PageAnswer.Refused(_job.Outcome, Navigation, HttpContext);
        }
    }
}
