using System.Text.Json;
using Boards.Identity.Server;
using Boards.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Features.UserInfo;

/// <summary>The claims of the access token OpenIddict has already validated, in the same Keycloak shape.</summary>
public static class UserInfoEndpoint
{
    private static readonly string[] ClaimTypes =
    [
        BoardsClaimTypes.Subject, BoardsClaimTypes.UserName, BoardsClaimTypes.Name, BoardsClaimTypes.RealmAccess,
        BoardsClaimTypes.Municipality, BoardsClaimTypes.Institution,
    ];

    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/" + KeycloakPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], (Delegate)HandleAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        var result = await OpenIddictResults.AuthenticateAsync(context);
        if (result.Principal is not { } principal)
        {
            return OpenIddictResults.Error(
                Errors.InvalidToken, SpanishErrors.WithoutDiacritics(SpanishErrors.Describe(Errors.InvalidToken)));
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var type in ClaimTypes)
        {
            if (principal.FindFirst(type) is not { } claim)
            {
                continue;
            }

            claims[type] = claim.ValueType == JsonClaimValueTypes.Json ? JsonSerializer.Deserialize<JsonElement>(claim.Value) : claim.Value;
        }

        return Results.Json(claims);
    }
}
