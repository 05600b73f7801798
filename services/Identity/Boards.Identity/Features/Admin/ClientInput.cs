using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Boards.Identity.Clients;
using Boards.Identity.Server;

namespace Boards.Identity.Features.Admin;

/// <summary>
/// The ClientRepresentation of <c>POST /clients</c>, in the part this provider supports: a confidential client that
/// acts for itself (client credentials, service account) with default client scopes and hardcoded-claim mappers, the
/// kind Membership registers for integrators. Anything Keycloak would turn into another kind of client (public, a
/// browser flow, the password grant, optional scopes, other mappers) is a 400 naming the field, so a request that only
/// works against Keycloak is noticed here. Fields outside the subset (attributes, rootUrl, …) are ignored.
/// </summary>
internal sealed partial record ClientInput(
    string ClientId,
    string? Name,
    string? Description,
    string? Secret,
    IReadOnlyList<string> DefaultClientScopes,
    IReadOnlyList<HardcodedClaim> Mappers)
{
    /// <summary>Claims a mapper may not set: the token's own, and the ones that carry roles.</summary>
    private static readonly HashSet<string> ReservedClaims = new(StringComparer.Ordinal)
    {
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "typ", "scope", "client_id", "sid", "acr",
        "preferred_username", BoardsClaimTypes.RealmAccess, KeycloakIdentity.ResourceAccessClaim,
    };

    public static (ClientInput? Input, AdminError? Error) Parse(JsonNode body, Func<string> newId)
    {
        if (body is not JsonObject client)
        {
            return Invalid("El cuerpo debe ser un objeto JSON (ClientRepresentation).");
        }

        if (!TryString(client, "clientId", IdentityLimits.ClientId, out var clientId, out var error) ||
            !TryString(client, "name", IdentityLimits.Text, out var name, out error) ||
            !TryString(client, "description", IdentityLimits.Text, out var description, out error) ||
            !TryString(client, "secret", IdentityLimits.Text, out var secret, out error) ||
            !TryString(client, "protocol", IdentityLimits.Text, out var protocol, out error))
        {
            return (null, error);
        }

        if (clientId is null || !ClientIdPattern().IsMatch(clientId))
        {
            return Invalid(
                $"Falta el clientId o no es válido: de 3 a {IdentityLimits.ClientId} minúsculas, dígitos, '.', '-' o '_'.", "clientId");
        }

        if (protocol is not (null or HardcodedClaim.Protocol))
        {
            return Invalid("Solo se admiten clientes openid-connect.", "protocol");
        }

        // Keycloak's defaults when a flag is absent differ (standardFlowEnabled is true): send them explicitly to Keycloak.
        foreach (var (flag, required) in RequiredFlags)
        {
            if (client[flag] is { } node &&
                (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) || node.GetValue<bool>() != required))
            {
                return Invalid($"Este proveedor solo registra clientes confidenciales con cuenta de servicio: '{flag}' debe ser {(required ? "true" : "false")}.", flag);
            }
        }

        if (client["serviceAccountsEnabled"] is null)
        {
            return Invalid("Indique \"serviceAccountsEnabled\": true (client credentials).", "serviceAccountsEnabled");
        }

        if (secret is { Length: 0 })
        {
            return Invalid("El secreto no puede estar vacío.", "secret");
        }

        var (scopes, scopesError) = ParseScopes(client);
        if (scopesError is not null)
        {
            return (null, scopesError);
        }

        var (mappers, mappersError) = ParseMappers(client["protocolMappers"], newId);
        return mappersError is not null
            ? (null, mappersError)
            : (new ClientInput(clientId, name, description, secret, scopes!, mappers!), null);
    }

    private static readonly (string Flag, bool Required)[] RequiredFlags =
    [
        ("enabled", true), ("publicClient", false), ("bearerOnly", false), ("serviceAccountsEnabled", true),
        ("standardFlowEnabled", false), ("implicitFlowEnabled", false), ("directAccessGrantsEnabled", false),
    ];

    private static (IReadOnlyList<string>?, AdminError?) ParseScopes(JsonObject client)
    {
        if (client["optionalClientScopes"] is JsonArray { Count: > 0 })
        {
            return (null, new AdminError("Este proveedor no admite alcances opcionales en los clientes registrados.", "optionalClientScopes"));
        }

        if (client["defaultClientScopes"] is not { } node)
        {
            return (BoardsScopes.RealmDefaults, null); // Keycloak gives a new client the realm's default client scopes
        }

        if (node is not JsonArray array || array.Any(scope => scope is null || scope.GetValueKind() != JsonValueKind.String))
        {
            return (null, new AdminError("'defaultClientScopes' debe ser una lista de nombres.", "defaultClientScopes"));
        }

        var scopes = array.Select(scope => scope!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.FirstOrDefault(scope => !BoardsScopes.Known.Contains(scope, StringComparer.Ordinal)) is { } unknown)
        {
            // Keycloak would skip it with a warning in its log; here it is refused, so a scope missing from the realm shows.
            return (null, new AdminError($"El alcance de cliente '{unknown[..Math.Min(unknown.Length, 100)]}' no existe en el realm.", "defaultClientScopes"));
        }

        return (scopes, null);
    }

    private static (IReadOnlyList<HardcodedClaim>?, AdminError?) ParseMappers(JsonNode? node, Func<string> newId)
    {
        const string field = "protocolMappers";
        if (node is null)
        {
            return ([], null);
        }

        if (node is not JsonArray array)
        {
            return (null, new AdminError("'protocolMappers' debe ser una lista (ProtocolMapperRepresentation).", field));
        }

        var mappers = new List<HardcodedClaim>();
        foreach (var item in array)
        {
            if (item is not JsonObject mapper || mapper["config"] is not JsonObject config ||
                !TryString(mapper, "name", IdentityLimits.Text, out var name, out _) ||
                !TryString(mapper, "protocolMapper", IdentityLimits.Text, out var type, out _) ||
                !TryString(config, "claim.name", IdentityLimits.Text, out var claim, out _) ||
                !TryString(config, "claim.value", IdentityLimits.Text, out var value, out _) ||
                !TryString(config, "jsonType.label", IdentityLimits.Text, out var jsonType, out _) ||
                !TryString(config, "access.token.claim", IdentityLimits.Text, out var accessToken, out _))
            {
                return (null, new AdminError("Cada mapeador necesita 'name', 'protocolMapper' y 'config' con textos.", field));
            }

            if (type != HardcodedClaim.MapperType)
            {
                return (null, new AdminError($"Solo se admiten mapeadores {HardcodedClaim.MapperType}.", field));
            }

            jsonType ??= "String";
            if (name is not { Length: > 0 } || claim is null || !ClaimNamePattern().IsMatch(claim) || ReservedClaims.Contains(claim) ||
                value is null || !HardcodedClaim.JsonTypes.Contains(jsonType) || !HardcodedClaim.Fits(jsonType, value))
            {
                return (null, new AdminError(
                    "Un mapeador necesita nombre, 'claim.name' (minúsculas, dígitos y '_', no un claim reservado), 'claim.value' y " +
                    $"'jsonType.label' ({string.Join(", ", HardcodedClaim.JsonTypes)}) que admita el valor.", field));
            }

            if (mappers.Any(existing => existing.ClaimName == claim || existing.MapperName == name))
            {
                return (null, new AdminError($"El claim '{claim}' o el mapeador '{name}' está repetido.", field));
            }

            mappers.Add(new HardcodedClaim(newId(), name, claim, value, jsonType, accessToken == "true"));
        }

        return (mappers, null);
    }

    private static bool TryString(JsonObject node, string name, int maximum, out string? value, out AdminError? error)
    {
        value = null;
        error = null;
        if (node[name] is not { } field)
        {
            return true;
        }

        if (field.GetValueKind() != JsonValueKind.String)
        {
            error = new AdminError($"'{name}' debe ser un texto.", name);
            return false;
        }

        value = field.GetValue<string>();
        if (AdminJson.HasControlCharacters(value))
        {
            error = new AdminError($"'{name}' contiene caracteres no válidos.", name);
            return false;
        }

        if (value.Length > maximum)
        {
            error = new AdminError($"'{name}' admite hasta {maximum} caracteres.", name);
            return false;
        }

        return true;
    }

    private static (ClientInput?, AdminError?) Invalid(string message, string? field = null) => (null, new AdminError(message, field));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,}$")]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$")]
    private static partial Regex ClaimNamePattern();
}
