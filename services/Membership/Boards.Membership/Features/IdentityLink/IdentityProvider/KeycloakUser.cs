namespace Boards.Membership.Features.IdentityLink.IdentityProvider;

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
