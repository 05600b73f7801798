namespace Boards.Membership.Features.IdentityLink.IdentityProvider;

/// <summary>
/// Where the Keycloak Admin REST API is and which service account calls it. The realm's authority
/// (http://host/realms/boards) gives both the token endpoint and the admin base (http://host/admin/realms/boards).
/// </summary>
public sealed record KeycloakAdminOptions(Uri Authority, string ClientId, string ClientSecret)
{
    public Uri TokenEndpoint => new(Authority.AbsoluteUri.TrimEnd('/') + "/protocol/openid-connect/token");

    /// <summary>http://host/realms/boards → http://host/admin/realms/boards/</summary>
    public Uri AdminBase
    {
        get
        {
            var path = Authority.AbsolutePath.TrimEnd('/');
            var realms = path.LastIndexOf("/realms/", StringComparison.Ordinal);
            if (realms < 0)
            {
                throw new InvalidOperationException($"The authority {Authority} is not a Keycloak realm URL (…/realms/<realm>).");
            }

            var builder = new UriBuilder(Authority) { Path = path[..realms] + "/admin" + path[realms..] + "/" };
            return builder.Uri;
        }
    }
}
