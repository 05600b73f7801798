using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Boards.Portal.Board.Sessions;

/// <summary>What the session pages say when Membership refuses a change; what the person typed stays in the form.</summary>
public static class SessionAnswers
{
    /// <summary>The banner over the form; null when the person is sent to sign in again.</summary>
    public static string? Failure<T>(ApiResult<T> result, IStringLocalizer localizer, NavigationManager navigation)
    {
        switch (result.Outcome)
        {
            case ApiOutcome.Unauthorized:
                navigation.ToSignIn();
                return null;
            case ApiOutcome.Invalid when result.FieldErrors.Count > 0:
                return localizer["Action.FixErrors"];
            case ApiOutcome.Forbidden:
                return localizer["Board.Edit.Forbidden"];
            case ApiOutcome.NotFound:
                return localizer["Sessions.Gone"];
            case ApiOutcome.Unavailable:
                return localizer["Board.Edit.Unavailable"];
            default:
                // A rule of the session (closed, a final agreement) or a body Membership could not read: its words.
                return localizer["Board.Edit.Refused", result.Detail ?? result.Title ?? ""];
        }
    }

    /// <summary>Someone changed the session after this form was rendered (409 stale-version).</summary>
    public static bool IsStale<T>(ApiResult<T> result) =>
        result.Outcome == ApiOutcome.Conflict && result.ProblemType?.EndsWith("/stale-version", StringComparison.Ordinal) == true;

    /// <summary>The institution's name from the list (Referrals' reference data), or its code when the list is down.</summary>
    public static string InstitutionName(ApiResult<List<InstitutionView>>? institutions, string code) =>
        institutions?.Value?.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;
}
