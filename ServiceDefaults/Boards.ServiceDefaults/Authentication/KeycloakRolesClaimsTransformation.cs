using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace Boards.ServiceDefaults.Authentication;

/// <summary>
/// Keycloak puts realm roles in a JSON object, <c>realm_access: { roles: [...] }</c>. ASP.NET Core authorization
/// wants one role claim per role, so this copies each role into a <c>role</c> claim once.
/// </summary>
public sealed class KeycloakRolesClaimsTransformation : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return Task.FromResult(principal);
        }

        // Materialize first: adding claims while enumerating the identity's claims would fail.
        foreach (var role in ReadRealmRoles(identity).ToList())
        {
            if (!identity.HasClaim(BoardsClaimTypes.Role, role))
            {
                identity.AddClaim(new Claim(BoardsClaimTypes.Role, role));
            }
        }

        return Task.FromResult(principal);
    }

    public static IEnumerable<string> ReadRealmRoles(ClaimsIdentity identity)
    {
        foreach (var claim in identity.FindAll(BoardsClaimTypes.RealmAccess))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(claim.Value);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object ||
                    !document.RootElement.TryGetProperty("roles", out var roles) ||
                    roles.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var role in roles.EnumerateArray())
                {
                    if (role.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(role.GetString()))
                    {
                        yield return role.GetString()!;
                    }
                }
            }
        }
    }
}
