using Microsoft.AspNetCore.Components;

namespace Boards.Portal.Components.Shared;

public static class SignInRedirect
{
    /// <summary>
    /// The API said 401 (the token expired or was revoked): sign in again and come back here. The session cookie is
    /// dropped first by the sign-in endpoint's challenge; the identity provider may still remember the person.
    /// </summary>
    public static void ToSignIn(this NavigationManager navigation)
    {
        var here = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        navigation.NavigateTo($"/cuenta/ingresar?returnUrl={Uri.EscapeDataString(here)}", forceLoad: true);
    }
}
