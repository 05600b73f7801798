using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Boards.Identity.Features;

/// <summary>Hands the outcome of a pass-through endpoint back to OpenIddict, which writes the protocol response.</summary>
internal static class OpenIddictResults
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IResult SignIn(ClaimsPrincipal principal) => Results.SignIn(principal, authenticationScheme: Scheme);

    public static IResult Error(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Scheme]);

    public static Task<AuthenticateResult> AuthenticateAsync(HttpContext context) => context.AuthenticateAsync(Scheme);
}
