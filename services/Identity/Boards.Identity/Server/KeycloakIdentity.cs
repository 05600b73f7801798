using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Server;

/// <summary>Builds principals whose tokens look like Keycloak's: realm roles in a JSON object, attributes as claims.</summary>
public static class KeycloakIdentity
{
    /// <summary>Keycloak's client-roles claim: <c>resource_access: {"client": {"roles": [...]}}</c>.</summary>
    public const string ResourceAccessClaim = "resource_access";

    public static ClaimsPrincipal ForAccount(UserAccount account, string clientId, IEnumerable<string> scopes) =>
        Build(
            subject: account.Subject,
            userName: account.UserName,
            displayName: account.FullName,
            clientId: clientId,
            roles: account.RealmRoles,
            clientRoles: null,
            municipality: account.Attribute(UserAccount.MunicipalityAttribute),
            institution: account.Attribute(UserAccount.InstitutionAttribute),
            servesIn: account.Values(UserAccount.MunicipalitiesAttribute),
            scopes: scopes);

    /// <summary>
    /// A client acting for itself (client credentials), named like Keycloak's service-account users: the stored service
    /// account when the client was registered through the admin API (its id is the <c>sub</c>, its realm roles and
    /// attributes go into the token, as Keycloak's mappers put them), otherwise one derived from the client id. The
    /// client's hardcoded claims come last and win.
    /// </summary>
    public static ClaimsPrincipal ForServiceAccount(
        string clientId,
        UserAccount? account,
        IReadOnlyList<string> roles,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? clientRoles,
        IReadOnlyList<Claim> hardcoded,
        IEnumerable<string> scopes)
    {
        var principal = Build(
            subject: account?.Subject ?? StableSubject.For("service-account:" + clientId),
            userName: account?.UserName ?? "service-account-" + clientId,
            displayName: null,
            clientId: clientId,
            roles: account?.RealmRoles ?? roles,
            clientRoles: clientRoles,
            municipality: account?.Attribute(UserAccount.MunicipalityAttribute),
            institution: account?.Attribute(UserAccount.InstitutionAttribute),
            servesIn: account?.Values(UserAccount.MunicipalitiesAttribute) ?? [],
            scopes: scopes);
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var claim in hardcoded)
        {
            identity.RemoveClaims(claim.Type);
            identity.AddClaim(claim.SetDestinations(Destinations.AccessToken));
        }

        return principal;
    }

    private static ClaimsPrincipal Build(
        string subject,
        string userName,
        string? displayName,
        string clientId,
        IReadOnlyList<string> roles,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? clientRoles,
        string? municipality,
        string? institution,
        IReadOnlyList<string> servesIn,
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
        // Like Keycloak, a principal without realm roles (a service account with only client roles) has no realm_access.
        if (roles.Count > 0)
        {
            identity.SetClaim(BoardsClaimTypes.RealmAccess, new JsonObject { ["roles"] = RoleArray(roles) });
        }

        // Keycloak's multi-valued attribute mapper writes an array even for one value.
        if (servesIn.Count > 0)
        {
            identity.AddClaim(new Claim(
                BoardsClaimTypes.Municipalities, RoleArray(servesIn).ToJsonString(), JsonClaimValueTypes.JsonArray));
        }

        if (clientRoles is { Count: > 0 })
        {
            var resourceAccess = new JsonObject();
            foreach (var (client, names) in clientRoles)
            {
                resourceAccess[client] = new JsonObject { ["roles"] = RoleArray(names) };
            }

            identity.SetClaim(ResourceAccessClaim, resourceAccess);
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    private static JsonArray RoleArray(IEnumerable<string> values) => new([.. values.Select(value => JsonValue.Create(value))]);

    // Keycloak's defaults: roles and azp only in the access token; profile and attributes in both.
    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        BoardsClaimTypes.ClientId or BoardsClaimTypes.RealmAccess or ResourceAccessClaim => [Destinations.AccessToken],
        _ => [Destinations.AccessToken, Destinations.IdentityToken],
    };
}
