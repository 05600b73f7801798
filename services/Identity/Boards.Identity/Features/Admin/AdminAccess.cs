using System.Security.Claims;
using System.Text.Json;
using Boards.Identity.Clients;
using Boards.Identity.Server;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Validation.AspNetCore;

namespace Boards.Identity.Features.Admin;

/// <summary>
/// The realm-management client roles an endpoint accepts (any one of them), as Keycloak checks them. An endpoint with
/// several of these needs one role of each (Keycloak's role-members list checks the realm and the users).
/// </summary>
public sealed record RealmManagementRoles(params string[] AnyOf)
{
    public static readonly RealmManagementRoles ViewUsers = new("view-users", "manage-users");
    public static readonly RealmManagementRoles ManageUsers = new("manage-users");
    public static readonly RealmManagementRoles ViewRealm = new("view-realm", "manage-realm");
    public static readonly RealmManagementRoles ListClients = new("view-clients", "manage-clients", "query-clients");
    public static readonly RealmManagementRoles ViewClients = new("view-clients", "manage-clients");
    public static readonly RealmManagementRoles ManageClients = new("manage-clients");
}

/// <summary>
/// Keycloak's admin API rules: a bearer access token from this provider (401 otherwise), the <c>boards</c> realm
/// (404 otherwise), and one of the endpoint's realm-management client roles in <c>resource_access</c> (403 otherwise).
/// Runs before the body is read, so an anonymous caller learns nothing from validation errors.
/// </summary>
internal sealed class AdminAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{AdminApi.Realm}\"";
            return TypedResults.Json(
                new AdminError("Se requiere un token de acceso válido (Authorization: Bearer)."),
                statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!string.Equals(http.GetRouteValue("realm") as string, AdminApi.Realm, StringComparison.Ordinal))
        {
            return TypedResults.NotFound(new AdminError("Realm no encontrado."));
        }

        var required = http.GetEndpoint()?.Metadata.GetOrderedMetadata<RealmManagementRoles>() is { Count: > 0 } declared
            ? declared
            : [RealmManagementRoles.ManageUsers];
        var held = RealmManagementRolesOf(principal);
        if (required.FirstOrDefault(roles => !roles.AnyOf.Any(held.Contains)) is { } missing)
        {
            return TypedResults.Json(
                new AdminError($"El token no tiene el rol necesario de realm-management ({string.Join(" o ", missing.AnyOf)})."),
                statusCode: StatusCodes.Status403Forbidden);
        }

        http.User = principal;
        return await next(context);
    }

    public static IReadOnlySet<string> RealmManagementRolesOf(ClaimsPrincipal principal)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.FindAll(KeycloakIdentity.ResourceAccessClaim))
        {
            try
            {
                using var document = JsonDocument.Parse(claim.Value);
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty(BoardsClients.RealmManagement, out var client) &&
                    client.ValueKind == JsonValueKind.Object &&
                    client.TryGetProperty("roles", out var names) &&
                    names.ValueKind == JsonValueKind.Array)
                {
                    roles.UnionWith(names.EnumerateArray()
                        .Where(name => name.ValueKind == JsonValueKind.String)
                        .Select(name => name.GetString()!));
                }
            }
            catch (JsonException)
            {
                // Not Keycloak's shape: no roles from this claim.
            }
        }

        return roles;
    }

    /// <summary>Who made a change, for the log: the client and its service account, or the person.</summary>
    public static string Actor(ClaimsPrincipal principal) =>
        $"{principal.FindFirstValue(BoardsClaimTypes.UserName) ?? principal.FindFirstValue(BoardsClaimTypes.Subject)} " +
        $"(azp {principal.FindFirstValue(BoardsClaimTypes.ClientId)})";
}
