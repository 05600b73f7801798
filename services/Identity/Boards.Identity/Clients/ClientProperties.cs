using System.Collections.Immutable;
using System.Text.Json;
using Boards.Identity.Server;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Clients;

/// <summary>
/// What a client stores besides OpenIddict's own fields, as application properties: Keycloak's default client scopes,
/// its hardcoded-claim mappers, its description and, for clients registered through the admin API, its secret
/// (protected with the shared Data Protection key ring, so that <c>GET …/client-secret</c> can show it as Keycloak does).
/// </summary>
public static class ClientProperties
{
    public const string DefaultClientScopes = "default_client_scopes";
    public const string ProtocolMappers = "protocol_mappers";
    public const string Description = "description";
    public const string ProtectedSecret = "protected_secret";

    /// <summary>Set on clients registered through the admin API; the others are described by configuration.</summary>
    public const string Registered = "registered_through_admin_api";

    public static IReadOnlyList<string> ScopesOf(ImmutableDictionary<string, JsonElement> properties, IEnumerable<string> permissions) =>
        properties.TryGetValue(DefaultClientScopes, out var scopes)
            ? [.. scopes.EnumerateArray().Select(scope => scope.GetString()).OfType<string>()]
            // A client described before default scopes were stored: Keycloak's basic and roles, and its permitted scopes.
            : [.. BoardsScopes.Silent.Take(2).Concat(permissions
                .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(permission => permission[Permissions.Prefixes.Scope.Length..]))];

    public static IReadOnlyList<HardcodedClaim> MappersOf(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(ProtocolMappers, out var mappers)
            ? [.. mappers.EnumerateArray().Select(HardcodedClaim.FromRepresentation)]
            : [];

    public static bool IsRegistered(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(Registered, out var registered) && registered.ValueKind == JsonValueKind.True;

    /// <summary>The scopes a client's tokens carry without asking: its default client scopes that Keycloak writes into <c>scope</c>.</summary>
    public static IEnumerable<string> TokenScopes(IEnumerable<string> defaultClientScopes) =>
        defaultClientScopes.Where(scope => !BoardsScopes.Silent.Contains(scope, StringComparer.Ordinal));

    public static void Describe(OpenIddictApplicationDescriptor descriptor, IReadOnlyList<string> defaultClientScopes, IReadOnlyList<HardcodedClaim> mappers)
    {
        descriptor.Properties[DefaultClientScopes] = JsonSerializer.SerializeToElement(defaultClientScopes);
        descriptor.Properties[ProtocolMappers] = JsonSerializer.SerializeToElement(mappers.Select(mapper => mapper.ToRepresentation()));
        foreach (var scope in TokenScopes(defaultClientScopes))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }
}
