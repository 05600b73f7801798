using System.Text.Json;
using Boards.Identity.Server;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Features.UserInfo;

/// <summary>
/// The caller's claims in the same Keycloak shape as the token. Like Keycloak, a person's claims are read from the
/// stored account now (a revoked role is already gone); a service account gets its token's claims.
/// </summary>
public static class UserInfoEndpoint
{
    private static readonly string[] ClaimTypes =
    [
        BoardsClaimTypes.Subject, BoardsClaimTypes.UserName, BoardsClaimTypes.Name, BoardsClaimTypes.RealmAccess,
        BoardsClaimTypes.Municipality, BoardsClaimTypes.Institution, BoardsClaimTypes.Municipalities,
    ];

    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/" + KeycloakPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], (Delegate)HandleAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, AccountStore accounts, CancellationToken cancellationToken)
    {
        var result = await OpenIddictResults.AuthenticateAsync(context);
        if (result.Principal is not { } principal)
        {
            return InvalidToken();
        }

        var account = await accounts.FindBySubjectAsync(principal.GetClaim(BoardsClaimTypes.Subject), cancellationToken);
        if (account is { Enabled: false })
        {
            return InvalidToken();
        }

        // A client's service account answers with its token's claims, hardcoded ones included, as before it was stored.
        var source = account is null or { IsServiceAccount: true }
            ? principal
            : KeycloakIdentity.ForAccount(account, principal.GetClaim(BoardsClaimTypes.ClientId) ?? "", principal.GetScopes());

        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var type in ClaimTypes)
        {
            if (source.FindFirst(type) is not { } claim)
            {
                continue;
            }

            claims[type] = claim.ValueType is JsonClaimValueTypes.Json or JsonClaimValueTypes.JsonArray ? JsonSerializer.Deserialize<JsonElement>(claim.Value) : claim.Value;
        }

        return Results.Json(claims);
    }

    private static IResult InvalidToken() =>
        OpenIddictResults.Error(
            Errors.InvalidToken, SpanishErrors.WithoutDiacritics(SpanishErrors.Describe(Errors.InvalidToken)));
}
