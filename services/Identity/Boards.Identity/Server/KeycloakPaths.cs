namespace Boards.Identity.Server;

/// <summary>Keycloak's endpoint paths for the <c>boards</c> realm, so a client configured for one works with the other.</summary>
public static class KeycloakPaths
{
    public const string Realm = "realms/boards";
    public const string Discovery = Realm + "/.well-known/openid-configuration";
    public const string Certs = Realm + "/protocol/openid-connect/certs";
    public const string Token = Realm + "/protocol/openid-connect/token";
    public const string Authorization = Realm + "/protocol/openid-connect/auth";
    public const string UserInfo = Realm + "/protocol/openid-connect/userinfo";
    public const string Logout = Realm + "/protocol/openid-connect/logout";
}
