using Boards.Identity.Server;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Features.Authorize;

/// <summary>
/// Runs after OpenIddict has validated the authorization request (client, redirect URI, response type, PKCE).
/// Shows the login form, checks the credentials it posts back, and lets OpenIddict issue the code.
/// </summary>
public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/" + KeycloakPaths.Authorization, [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        AccountStore accounts,
        PrincipalFactory principals,
        IAntiforgery antiforgery,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()!;
        var showDemoHint = accounts.PasswordsEnabled;

        if (IsLoginSubmission(context))
        {
            var form = context.Request.Form;
            string? userName = form[LoginPage.UserNameField];
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return LoginPage.Render(context, request, antiforgery, showDemoHint,
                    "El formulario expiró. Vuelva a ingresar sus datos.", userName, StatusCodes.Status400BadRequest);
            }

            var attempt = await accounts.AuthenticateAsync(userName, form[LoginPage.PasswordField], cancellationToken);
            if (attempt.Account is not { } account)
            {
                return LoginPage.Render(context, request, antiforgery, showDemoHint, attempt.Message(clock.GetUtcNow()), userName,
                    attempt.LockedUntil is null ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests);
            }

            await context.SignInAsync(SessionCookie.Scheme, SessionCookie.For(account));
            return OpenIddictResults.SignIn(
                await principals.ForAccountAsync(account, request.ClientId!, request.GetScopes(), cancellationToken));
        }

        var session = await context.AuthenticateAsync(SessionCookie.Scheme);
        var signedIn = session.Succeeded
            ? await accounts.FindActiveBySubjectAsync(SessionCookie.SubjectOf(session.Principal), cancellationToken)
            : null;
        if (signedIn is not null && !request.HasPromptValue(PromptValues.Login))
        {
            return OpenIddictResults.SignIn(
                await principals.ForAccountAsync(signedIn, request.ClientId!, request.GetScopes(), cancellationToken));
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            return OpenIddictResults.Error(Errors.LoginRequired, SpanishErrors.Describe(Errors.LoginRequired));
        }

        return LoginPage.Render(context, request, antiforgery, showDemoHint);
    }

    private static bool IsLoginSubmission(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) &&
        context.Request.HasFormContentType &&
        context.Request.Form.ContainsKey(LoginPage.UserNameField);
}
