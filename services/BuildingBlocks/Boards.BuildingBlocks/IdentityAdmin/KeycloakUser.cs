namespace Boards.BuildingBlocks.IdentityAdmin;

/// <summary>The part of Keycloak's UserRepresentation we read and write.</summary>
public sealed record KeycloakUser
{
    public string? Id { get; init; }
    public string? Username { get; init; }
    public bool? Enabled { get; init; }
    public Dictionary<string, List<string>>? Attributes { get; init; }

    public string? FirstAttribute(string name) =>
        Attributes is not null && Attributes.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}

/// <summary>The part of Keycloak's RoleRepresentation we send back when mapping roles.</summary>
public sealed record KeycloakRole
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public bool? Composite { get; init; }
    public bool? ClientRole { get; init; }
    public string? ContainerId { get; init; }
}

/// <summary>
/// The identity provider refused or could not be reached. Transient failures (network, 5xx, 429) are worth retrying;
/// the others (401/403: the service account lacks manage-users, 404: unknown role, 400) need a person to fix something.
/// </summary>
public sealed class IdentityAdminException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
