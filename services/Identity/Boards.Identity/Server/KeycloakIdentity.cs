using System.Security.Claims;
using System.Text.Json.Nodes;
using Boards.Identity.DemoAccounts;
using Boards.ServiceDefaults.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Server;

/// <summary>Builds principals whose tokens look like Keycloak's: realm roles in a JSON object, attributes as claims.</summary>
public static class KeycloakIdentity
{
    public static ClaimsPrincipal ForAccount(DemoAccount account, string clientId, IEnumerable<string> scopes) =>
        Build(
            subject: account.Subject,
            userName: account.UserName,
            displayName: account.DisplayName,
            clientId: clientId,
            roles: account.Roles,
            municipality: account.Municipality,
            institution: account.Institution,
            scopes: scopes);

    /// <summary>A client acting for itself (client credentials), named like Keycloak's service-account users.</summary>
    public static ClaimsPrincipal ForServiceAccount(
        string clientId, IReadOnlyList<string> roles, string? institution, IEnumerable<string> scopes) =>
        Build(
            subject: StableSubject.For("service-account:" + clientId),
            userName: "service-account-" + clientId,
            displayName: null,
            clientId: clientId,
            roles: roles,
            municipality: null,
            institution: institution,
            scopes: scopes);

    private static ClaimsPrincipal Build(
        string subject,
        string userName,
        string? displayName,
        string clientId,
        IReadOnlyList<string> roles,
        string? municipality,
        string? institution,
        IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            TokenValidationParameters.DefaultAuthenticationType, BoardsClaimTypes.UserName, BoardsClaimTypes.Role);

        identity.SetClaim(BoardsClaimTypes.Subject, subject)
            .SetClaim(BoardsClaimTypes.UserName, userName)
            .SetClaim(BoardsClaimTypes.Name, displayName)
            .SetClaim(BoardsClaimTypes.ClientId, clientId)
            .SetClaim(BoardsClaimTypes.Municipality, municipality)
            .SetClaim(BoardsClaimTypes.Institution, institution);

        // A JsonNode claim gets the JSON value type, which the token handler writes as an object, not a string.
        identity.SetClaim(BoardsClaimTypes.RealmAccess, new JsonObject
        {
            ["roles"] = new JsonArray([.. roles.Select(role => JsonValue.Create(role))]),
        });

        identity.SetScopes(scopes);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    // Keycloak's defaults: realm roles and azp only in the access token; profile and attributes in both.
    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        BoardsClaimTypes.ClientId or BoardsClaimTypes.RealmAccess => [Destinations.AccessToken],
        _ => [Destinations.AccessToken, Destinations.IdentityToken],
    };
}
