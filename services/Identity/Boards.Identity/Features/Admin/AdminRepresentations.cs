using System.Text.Json.Serialization;

namespace Boards.Identity.Features.Admin;

/// <summary>Keycloak's UserRepresentation, with the fields this subset supports.</summary>
public sealed record UserRepresentation(
    string Id,
    string Username,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FirstName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    bool EmailVerified,
    bool Enabled,
    long CreatedTimestamp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, List<string>>? Attributes)
{
    public static UserRepresentation From(UserAccount user) => Brief(user) with { Attributes = user.Attributes };

    /// <summary>Keycloak's brief representation (<c>briefRepresentation=true</c>): everything but the attributes.</summary>
    public static UserRepresentation Brief(UserAccount user) => new(
        user.Subject,
        user.UserName,
        user.FirstName,
        user.LastName,
        user.Email,
        EmailVerified: false,
        user.Enabled,
        user.CreatedAt.ToUnixTimeMilliseconds(),
        Attributes: null);
}

/// <summary>Keycloak's RoleRepresentation of a realm role.</summary>
public sealed record RoleRepresentation(
    string Id, string Name, string Description, bool Composite, bool ClientRole, string ContainerId)
{
    public static RoleRepresentation From(RealmRole role) =>
        new(role.Id, role.Name, role.Description, Composite: false, ClientRole: false, ContainerId: RealmRoles.RealmId);
}

/// <summary>Keycloak's error body (<c>{"errorMessage": "..."}</c>), in Spanish; <c>field</c> names the bad input.</summary>
public sealed record AdminError(
    string ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null);

/// <summary>
/// Keycloak's ClientRepresentation, with the fields this provider keeps. <c>secret</c> only for a caller who may manage
/// clients, as Keycloak strips it for the others.
/// </summary>
public sealed record ClientRepresentation(
    string Id,
    string ClientId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    bool Enabled,
    string Protocol,
    bool PublicClient,
    string ClientAuthenticatorType,
    bool StandardFlowEnabled,
    bool ImplicitFlowEnabled,
    bool DirectAccessGrantsEnabled,
    bool ServiceAccountsEnabled,
    bool BearerOnly,
    bool FullScopeAllowed,
    IReadOnlyList<string> DefaultClientScopes,
    IReadOnlyList<string> OptionalClientScopes,
    IReadOnlyList<System.Text.Json.Nodes.JsonObject> ProtocolMappers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret);

/// <summary>Keycloak's CredentialRepresentation of a client secret: <c>{"type": "secret", "value": "…"}</c>.</summary>
public sealed record CredentialRepresentation(string Type, string Value)
{
    public static CredentialRepresentation ForSecret(string value) => new("secret", value);
}
