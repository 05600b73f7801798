using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Boards.Portal.Authentication;

/// <summary>
/// Sign-in with OpenID Connect, authorization code + PKCE, against the realm (our provider locally, Keycloak in
/// production: only the authority changes). Tokens are kept on the server (<see cref="PortalSessionStore"/>), the cookie
/// holds the session's encrypted key; the session ends when the access token expires, so the next request signs in
/// again instead of calling the API with a dead token.
/// </summary>
public static class PortalAuthentication
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, PortalOptions options)
    {
        services.AddAuthentication(auth =>
            {
                auth.DefaultScheme = CookieScheme;
                auth.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "boards.portal";
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.HttpOnly = true;
                cookie.Events.OnValidatePrincipal = RejectExpiredSessionAsync;
            })
            .AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.Authority = options.Authority;
                oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
                oidc.ClientId = options.ClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                // The code comes back on the query string: a plain top-level redirect that works over http locally
                // (form_post needs SameSite=None cookies, which browsers only keep over https).
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("profile");
                oidc.Scope.Add("boards-api");
                oidc.SaveTokens = true;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = PortalClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = PortalClaims.Role;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.Events.OnTokenValidated = AddAccessTokenClaims;
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.HandleResponse();
                    context.Response.Redirect("/error-ingreso");
                    return Task.CompletedTask;
                };
            });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ITicketStore, PortalSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<ITicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// The identity token names the person; the roles and scope (municipality, institution) that decide which actions
    /// to show are in the access token (Keycloak's <c>realm_access.roles</c>). The API checks them again on every call.
    /// </summary>
    private static Task AddAccessTokenClaims(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity ||
            context.TokenEndpointResponse?.AccessToken is not { Length: > 0 } accessToken)
        {
            return Task.CompletedTask;
        }

        var token = new JsonWebToken(accessToken);
        if (token.TryGetPayloadValue<JsonElement>("realm_access", out var realmAccess) &&
            realmAccess.ValueKind == JsonValueKind.Object &&
            realmAccess.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array)
        {
            foreach (var role in roles.EnumerateArray())
            {
                if (role.GetString() is { Length: > 0 } name && !identity.HasClaim(PortalClaims.Role, name))
                {
                    identity.AddClaim(new Claim(PortalClaims.Role, name));
                }
            }
        }

        foreach (var type in new[] { PortalClaims.Municipality, PortalClaims.Institution })
        {
            if (!identity.HasClaim(c => c.Type == type) && token.TryGetPayloadValue<string>(type, out var value) && value is { Length: > 0 })
            {
                identity.AddClaim(new Claim(type, value));
            }
        }

        if (!identity.HasClaim(c => c.Type == PortalClaims.Municipalities))
        {
            identity.AddClaims(ServedMunicipalities(token).Select(code => new Claim(PortalClaims.Municipalities, code)));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Where an officer serves, from the access token's <c>municipalities</c>: Keycloak's multi-valued attribute mapper
    /// writes an array (even of one); a single string is taken too.
    /// </summary>
    public static IReadOnlyList<string> ServedMunicipalities(JsonWebToken accessToken)
    {
        // The token's claims have one string claim per element of an array; an object would be one JSON claim.
        return
        [
            .. accessToken.Claims
                .Where(c => c.Type == PortalClaims.Municipalities && c.ValueType == ClaimValueTypes.String && c.Value.Length > 0)
                .Select(c => c.Value)
                .Distinct(StringComparer.Ordinal),
        ];
    }

    private static async Task RejectExpiredSessionAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null ||
            !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires) ||
            expires <= DateTimeOffset.UtcNow.AddSeconds(30))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}

/// <summary>Claim names as Keycloak writes them (inbound mapping off).</summary>
public static class PortalClaims
{
    public const string Name = "name";
    /// <summary>The person's id at the identity provider, the same in the identity and the access token.</summary>
    public const string Subject = "sub";
    public const string UserName = "preferred_username";
    public const string Role = "role";
    public const string Municipality = "municipality";
    public const string Institution = "institution";
    /// <summary>Where an institution officer serves: one claim per municipality code.</summary>
    public const string Municipalities = "municipalities";
}
