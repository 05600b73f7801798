using Boards.Membership.Features.IdentityLink.IdentityProvider;

namespace Boards.Membership.Features.IdentityLink;

/// <summary>
/// The focal-point scope in Keycloak's terms: the realm role focal-point plus the user attribute municipality, which
/// the realm maps into the token's municipality claim (deploy/keycloak/boards-realm.json). Works against our
/// development provider too, which serves the same Admin REST API subset.
/// </summary>
public sealed class KeycloakFocalPointAccess(KeycloakUserAdmin admin) : IFocalPointAccess
{
    public const string MunicipalityAttribute = "municipality";

    public async Task GrantAsync(string account, string municipalityCode, CancellationToken ct)
    {
        var user = await admin.EnsureUserAsync(account, ct);
        if (user.FirstAttribute(MunicipalityAttribute) != municipalityCode)
        {
            await admin.SetAttributeAsync(user, MunicipalityAttribute, [municipalityCode], ct);
        }

        await admin.AddRealmRoleAsync(user, BoardsRoles.FocalPoint, ct);
    }

    public async Task RevokeAsync(string account, string municipalityCode, CancellationToken ct)
    {
        var user = await admin.FindUserAsync(account, ct);
        if (user is null || user.FirstAttribute(MunicipalityAttribute) != municipalityCode)
        {
            return;
        }

        await admin.RemoveRealmRoleAsync(user, BoardsRoles.FocalPoint, ct);
        await admin.SetAttributeAsync(user, MunicipalityAttribute, null, ct);
    }
}

/// <summary>Used when Membership:IdentityLink has no client secret: every grant is recorded as failed, saying why.</summary>
public sealed class UnconfiguredFocalPointAccess : IFocalPointAccess
{
    private static IdentityAdminException NotConfigured() => new(
        "El enlace con el proveedor de identidad no está configurado (Membership:IdentityLink:ClientSecret): " +
        "otorgue el rol focal-point y el atributo municipality a mano en Keycloak.", transient: false);

    public Task GrantAsync(string account, string municipalityCode, CancellationToken ct) => throw NotConfigured();

    public Task RevokeAsync(string account, string municipalityCode, CancellationToken ct) => throw NotConfigured();
}

/// <summary>The accounts of the identity provider, through the same Admin REST API as the grants.</summary>
public sealed class KeycloakAccountDirectory(KeycloakUserAdmin admin) : IAccountDirectory
{
    public async Task<DirectoryAccount?> FindAsync(string username, CancellationToken ct)
    {
        var user = await admin.FindUserAsync(username, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await admin.RealmRolesOfAsync(user, ct);
        return new DirectoryAccount(user.FirstAttribute(KeycloakFocalPointAccess.MunicipalityAttribute),
            [.. roles.Select(role => role.Name).OfType<string>()]);
    }
}

/// <summary>
/// Without the identity link nothing is granted automatically (a person does it by hand in Keycloak), so no link can
/// move an account: every user name is taken as new.
/// </summary>
public sealed class UnconfiguredAccountDirectory : IAccountDirectory
{
    public Task<DirectoryAccount?> FindAsync(string username, CancellationToken ct) => Task.FromResult<DirectoryAccount?>(null);
}
