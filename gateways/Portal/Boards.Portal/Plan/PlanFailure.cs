using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Boards.Portal.Plan;

/// <summary>What a plan form says over its fields when Planning refuses a change; what the person typed stays in the form.</summary>
public static class PlanFailure
{
    /// <summary>Someone else saved first (409 stale version): the page shows what changed.</summary>
    public static bool IsStale<T>(ApiResult<T> result) =>
        result.Outcome == ApiOutcome.Conflict && result.ProblemType?.EndsWith("/stale-version", StringComparison.Ordinal) == true;

    /// <summary>Planning's code for a refused change (NO_QUORUM, PLAN_APPROVED…), if any.</summary>
    public static string? Code<T>(ApiResult<T> result) => result.Extensions.GetValueOrDefault("code");

    /// <summary>
    /// The banner; null after sending the person to sign in again (401). <paramref name="shown"/> names the fields the
    /// form shows errors next to (a list such as "indicators" covers its rows); Planning's messages for any other field
    /// (an expectedVersion, say) go into the banner, so no error is lost.
    /// </summary>
    public static string? Banner<T>(ApiResult<T> result, IStringLocalizer l, NavigationManager navigation, IReadOnlyCollection<string>? shown = null)
    {
        switch (result.Outcome)
        {
            case ApiOutcome.Unauthorized:
                navigation.ToSignIn();
                return null;
            case ApiOutcome.Invalid:
                var elsewhere = shown is null
                    ? []
                    : result.FieldErrors.Where(e => !shown.Any(f => e.Key == f || e.Key.StartsWith(f + "[", StringComparison.Ordinal))).SelectMany(e => e.Value).ToList();
                return string.Join(" ", [l["Action.FixErrors"].Value, .. elsewhere]);
            case ApiOutcome.Forbidden:
                return l["PlanEdit.Forbidden"];
            case ApiOutcome.Unavailable:
                return l["PlanEdit.Unavailable"];
            case ApiOutcome.NotFound:
                return l["PlanEdit.Gone"];
            default:
                // A stale version or a rule of the plan (approved, empty, a session without quorum): Planning's words.
                return l[IsStale(result) ? "PlanEdit.Stale" : "PlanEdit.Refused", result.Detail ?? result.Title ?? ""];
        }
    }
}
