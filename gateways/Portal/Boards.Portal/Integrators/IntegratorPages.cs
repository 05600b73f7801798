using Boards.Portal.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Boards.Portal.Integrators;

public static class IntegratorPages
{
    public const string ListPath = "/ministerio/integradores";

    public static string DetailPath(string clientId) => $"{ListPath}/{Uri.EscapeDataString(clientId)}";

    /// <summary>A page that may carry a secret is never kept by the browser or a proxy.</summary>
    public static void NoStore(HttpContext? http)
    {
        if (http is not null)
        {
            http.Response.Headers.CacheControl = "no-store";
        }
    }

    /// <summary>The banner over a form when Membership refuses it; what was typed stays in the form.</summary>
    public static string? Message<TValue>(IStringLocalizer<IntegratorResource> T, NavigationManager navigation, ApiResult<TValue> result)
    {
        switch (result.Outcome)
        {
            case ApiOutcome.Unauthorized:
                navigation.ToSignIn();
                return null;
            case ApiOutcome.Invalid:
                return T["FixErrors"];
            case ApiOutcome.Forbidden:
                return T["NotAllowed"];
            case ApiOutcome.NotFound:
                return T["NotFound"];
            case ApiOutcome.Unavailable:
                return T["Unavailable"];
            default:
                return T["Refused", result.Detail ?? result.Title ?? ""];
        }
    }
}
