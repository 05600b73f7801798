using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Boards.Portal.Board;

/// <summary>
/// The banner over a board form when Membership refuses a change. What the person typed stays in the form; a stale
/// version says so, and the form carries the board's current version, so that sending again applies the change on top
/// of what changed meanwhile (which the sections above now show).
/// </summary>
public static class BoardEditAnswer
{
    public const string StaleVersion = "https://boards.example/problems/stale-version";

    public static string? Message<T>(IStringLocalizer L, NavigationManager navigation, ApiResult<T> result)
    {
        switch (result.Outcome)
        {
            case ApiOutcome.Unauthorized:
                navigation.ToSignIn();
                return null;
            case ApiOutcome.Invalid:
                return L["Action.FixErrors"];
            case ApiOutcome.Forbidden:
                return L["Board.Edit.Forbidden"];
            case ApiOutcome.Unavailable:
                return L["Board.Edit.Unavailable"];
            case ApiOutcome.Conflict when result.ProblemType == StaleVersion:
                return L["Board.Edit.Stale"];
            default:
                // A rule of the board (say, the focal point cannot be ended here): Membership's words.
                return L["Board.Edit.Refused", result.Detail ?? result.Title ?? ""];
        }
    }
}
