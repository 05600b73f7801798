using Microsoft.AspNetCore.Components;

namespace Boards.Portal.Components.Shared;

/// <summary>
/// How a page answers when the API refuses what it would show: 401 signs in again and comes back; 403 and 404 keep the
/// page's own Spanish message and set the status code (pages render statically, so the response still carries it).
/// </summary>
public static class PageAnswer
{
    public static void Refused(ApiOutcome outcome, NavigationManager navigation, HttpContext? http)
    {
        switch (outcome)
        {
            case ApiOutcome.Unauthorized:
                navigation.ToSignIn();
                break;
            case ApiOutcome.Forbidden:
                Forbidden(http);
                break;
            case ApiOutcome.NotFound:
                NotFound(http);
                break;
        }
    }

    public static void Forbidden(HttpContext? http) => SetStatus(http, StatusCodes.Status403Forbidden);

    public static void NotFound(HttpContext? http) => SetStatus(http, StatusCodes.Status404NotFound);

    private static void SetStatus(HttpContext? http, int status)
    {
        if (http is not null)
        {
            http.Response.StatusCode = status;
        }
    }
}
