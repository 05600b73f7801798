using Boards.Identity.Server;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Features.Token;

/// <summary>
/// Runs after OpenIddict has validated the token request (client, secret, grant permission, code and PKCE verifier);
/// decides who the token is for.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + KeycloakPaths.Token, HandleAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, AccountStore accounts, PrincipalFactory principals, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()!;
        var clientId = request.ClientId!;

        if (request.IsPasswordGrantType())
        {
            var attempt = await accounts.AuthenticateAsync(request.Username, request.Password, cancellationToken);
            return attempt.Account is not { } account
                ? OpenIddictResults.Error(Errors.InvalidGrant, attempt.Message(clock.GetUtcNow()))
                : OpenIddictResults.SignIn(
                    await principals.ForAccountAsync(account, clientId, request.GetScopes(), cancellationToken));
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await principals.ForServiceAccountAsync(clientId, request.GetScopes(), cancellationToken) is { } client
                ? OpenIddictResults.SignIn(client)
                : OpenIddictResults.Error(Errors.UnauthorizedClient, "La cuenta de servicio de este cliente está deshabilitada.");
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // Claims are rebuilt from the stored account, so a refreshed token reflects its current roles and attributes
            // (a revoked role is gone) and a disabled account gets no more tokens.
            // A refresh request may narrow the scopes (OpenIddict checks they were granted); otherwise keep them.
            var granted = (await OpenIddictResults.AuthenticateAsync(context)).Principal;
            var account = await accounts.FindActiveBySubjectAsync(granted?.GetClaim(BoardsClaimTypes.Subject), cancellationToken);
            if (granted is null || account is null)
            {
                return OpenIddictResults.Error(Errors.InvalidGrant, "La cuenta ya no está disponible; inicie sesión de nuevo.");
            }

            var scopes = string.IsNullOrEmpty(request.Scope) ? granted.GetScopes() : request.GetScopes();
            return OpenIddictResults.SignIn(await principals.ForAccountAsync(account, clientId, scopes, cancellationToken));
        }

        return OpenIddictResults.Error(Errors.UnsupportedGrantType, SpanishErrors.Describe(Errors.UnsupportedGrantType));
    }
}
