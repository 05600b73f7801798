using System.Text.Json;
using Boards.Identity.Server;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Clients;

/// <summary>The registered clients, mirroring deploy/keycloak/boards-realm.json.</summary>
public static class BoardsClients
{
    public const string Cli = "boards-cli";
    public const string Portal = "boards-portal";
    public const string IntegratorDemo = "integrator-demo";
    public const string Membership = "boards-membership";
    public const string Notifications = "boards-notifications";

    /// <summary>A client id the admin API must not register: one of these, or one configuration may describe.</summary>
    public static bool IsConfigured(string clientId) => All.Contains(clientId, StringComparer.Ordinal);

    /// <summary>Every client this service manages; one that is not described at start-up is removed.</summary>
    public static readonly IReadOnlyList<string> All = [Cli, Portal, IntegratorDemo, Membership, Notifications];

    /// <summary>Keycloak's client holding the admin roles of a realm.</summary>
    public const string RealmManagement = "realm-management";

    /// <summary>
    /// What Membership needs to appoint and revoke focal points through the admin API: find, create and update users
    /// (manage-users, view-users, query-users) and read realm roles to map them (view-realm: Keycloak requires it for
    /// GET /roles/{name} and to show role mappings); and to register, rotate and revoke integrator clients
    /// (manage-clients, which includes viewing them).
    /// </summary>
    public static readonly IReadOnlyList<string> MembershipAdminRoles =
        ["manage-users", "view-users", "query-users", "view-realm", "manage-clients"];

    /// <summary>
    /// What Notifications needs to find the people to notify, read only: the users holding a realm role
    /// (GET /roles/{name}/users), for which Keycloak requires both view-realm and view-users. query-users is part of
    /// view-users in Keycloak (a composite), so its tokens carry it too. Never manage-users: it changes nobody.
    /// </summary>
    public static readonly IReadOnlyList<string> NotificationsAdminRoles = ["view-users", "query-users", "view-realm"];

    /// <summary>Realm roles of a configured client's service account, read when it signs in as itself (client credentials).</summary>
    public const string RealmRolesProperty = "realm_roles";

    /// <summary>Client roles of the service account, by client: <c>{"realm-management": ["manage-users", ...]}</c>.</summary>
    public const string ClientRolesProperty = "client_roles";

    public static IReadOnlyList<OpenIddictApplicationDescriptor> Describe(IdentitySettings settings, bool allowPasswordGrant)
    {
        var cli = new OpenIddictApplicationDescriptor
        {
            ClientId = Cli,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Boards CLI",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + BoardsScopes.Api,
            },
        };
        if (allowPasswordGrant)
        {
            cli.Permissions.Add(Permissions.GrantTypes.Password);
        }

        var portal = new OpenIddictApplicationDescriptor
        {
            ClientId = Portal,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Portal de Boards",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + BoardsScopes.Api,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        portal.RedirectUris.UnionWith(settings.PortalRedirectUris);
        portal.PostLogoutRedirectUris.UnionWith(settings.PortalPostLogoutRedirectUris);

        List<OpenIddictApplicationDescriptor> clients = [cli, portal];
        if (settings.IntegratorDemoSecret is { } integratorSecret)
        {
            // Development only (IdentitySettings): a client like the ones Membership registers, with every API area.
            var integrator = new OpenIddictApplicationDescriptor
            {
                ClientId = IntegratorDemo,
                ClientSecret = integratorSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Integrador de demostración",
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                },
                Properties =
                {
                    [RealmRolesProperty] = JsonSerializer.SerializeToElement(new[] { BoardsRoles.Integrator }),
                },
            };
            ClientProperties.Describe(
                integrator,
                [.. BoardsScopes.Silent.Take(2), BoardsScopes.Api, .. BoardsScopes.Areas],
                [new HardcodedClaim(StableSubject.For("mapper:integrator-demo:institution"), "institution",
                    BoardsClaimTypes.Institution, settings.IntegratorDemoInstitution, "String", AccessToken: true)]);
            clients.Add(integrator);
        }

        if (settings.MembershipSecret is { } membershipSecret)
        {
            clients.Add(AdminServiceAccount(
                Membership, membershipSecret, "Servicio Membership (gestión de puntos focales)", MembershipAdminRoles));
        }

        if (settings.NotificationsSecret is { } notificationsSecret)
        {
            clients.Add(AdminServiceAccount(
                Notifications, notificationsSecret, "Servicio Notifications (destinatarios de los avisos)", NotificationsAdminRoles));
        }

        return clients;
    }

    /// <summary>Keycloak's service account with realm-management client roles; no realm role, so it cannot call Boards APIs.</summary>
    private static OpenIddictApplicationDescriptor AdminServiceAccount(
        string clientId, string secret, string displayName, IReadOnlyList<string> realmManagementRoles) => new()
    {
        ClientId = clientId,
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        DisplayName = displayName,
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + BoardsScopes.Api,
        },
        Properties =
        {
            [ClientRolesProperty] = JsonSerializer.SerializeToElement(
                new Dictionary<string, IReadOnlyList<string>> { [RealmManagement] = realmManagementRoles }),
        },
    };

    public static OpenIddictScopeDescriptor ApiScope() => new()
    {
        Name = BoardsScopes.Api,
        DisplayName = "API de Boards",
        Resources = { BoardsScopes.Api },
    };
}
