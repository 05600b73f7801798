namespace Boards.Notifications.Features.Directory;

/// <summary>The realm's authority (http://host/realms/boards) gives the token endpoint and the admin base.</summary>
public sealed record KeycloakRealm(Uri Authority)
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

            return new UriBuilder(Authority) { Path = path[..realms] + "/admin" + path[realms..] + "/" }.Uri;
        }
    }
}
