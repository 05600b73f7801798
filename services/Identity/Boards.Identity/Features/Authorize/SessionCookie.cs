using System.Security.Claims;

namespace Boards.Identity.Features.Authorize;

/// <summary>The browser session with Identity itself, so a second sign-in (or another client) skips the login form.</summary>
public static class SessionCookie
{
    public const string Scheme = "Boards.Identity.Session";

    public static ClaimsPrincipal For(UserAccount account) =>
        new(new ClaimsIdentity([new Claim(BoardsClaimTypes.Subject, account.Subject)], Scheme));

    public static string? SubjectOf(ClaimsPrincipal? principal) => principal?.FindFirstValue(BoardsClaimTypes.Subject);
}
