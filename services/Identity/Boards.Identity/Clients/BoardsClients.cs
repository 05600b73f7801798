using System.Text.Json;
using Boards.Identity.Server;
using Boards.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Boards.Identity.Clients;

/// <summary>The registered clients, mirroring deploy/keycloak/boards-realm.json.</summary>
public static class BoardsClients
{
    public const string Cli = "boards-cli";
    public const string Portal = "boards-portal";
    public const string IntegratorDemo = "integrator-demo";

    /// <summary>Application properties read when a client signs in as itself (client credentials).</summary>
    public const string RealmRolesProperty = "realm_roles";
    public const string InstitutionProperty = "institution";

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

        var integrator = new OpenIddictApplicationDescriptor
        {
            ClientId = IntegratorDemo,
            ClientSecret = settings.IntegratorDemoSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Integrador de demostración",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + BoardsScopes.Api,
            },
            Properties =
            {
                [RealmRolesProperty] = JsonSerializer.SerializeToElement(new[] { BoardsRoles.Integrator }),
                [InstitutionProperty] = JsonSerializer.SerializeToElement(settings.IntegratorDemoInstitution),
            },
        };

        return [cli, portal, integrator];
    }

    public static OpenIddictScopeDescriptor ApiScope() => new()
    {
        Name = BoardsScopes.Api,
        DisplayName = "API de Boards",
        Resources = { BoardsScopes.Api },
    };
}
