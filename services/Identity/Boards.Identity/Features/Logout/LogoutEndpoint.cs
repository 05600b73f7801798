using System.Text;
using Boards.Identity.Features.Authorize;
using Boards.Identity.Server;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Boards.Identity.Features.Logout;

/// <summary>
/// Ends the browser session. With a post_logout_redirect_uri (already checked by OpenIddict against the client's
/// registered ones) it sends the browser back to the client; without one it says so in a page.
/// </summary>
public static class LogoutEndpoint
{
    public static IEndpointRouteBuilder MapLogoutEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/" + KeycloakPaths.Logout, [HttpMethods.Get, HttpMethods.Post], (Delegate)HandleAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        await context.SignOutAsync(SessionCookie.Scheme);

        var request = context.GetOpenIddictServerRequest()!;
        if (!string.IsNullOrEmpty(request.PostLogoutRedirectUri))
        {
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(
            """
            <!DOCTYPE html>
            <html lang="es">
            <head><meta charset="utf-8"><title>Sesión cerrada · Boards</title></head>
            <body style="font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 28rem; color: #1d2733;">
            <h1 style="font-size: 1.35rem;">Sesión cerrada</h1>
            <p>Cerró su sesión en Boards. Ya puede cerrar esta ventana.</p>
            </body>
            </html>
            """,
            "text/html; charset=utf-8",
            Encoding.UTF8);
    }
}
