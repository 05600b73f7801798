namespace Boards.ServiceDefaults.Authentication;

/// <summary>Claim names as they arrive in Keycloak-shaped tokens (inbound claim mapping is off).</summary>
public static class BoardsClaimTypes
{
    public const string Subject = "sub";
    public const string UserName = "preferred_username";
    public const string Name = "name";
    public const string ClientId = "azp";
    public const string RealmAccess = "realm_access";
    public const string Role = "role";
    public const string Municipality = "municipality";
    public const string Institution = "institution";

    /// <summary>An integrator client's requests per second (Keycloak hardcoded-claim mapper on the client, a number).</summary>
    public const string RateLimit = "rate_limit";

    /// <summary>The granted scopes, space-separated; an integrator's API areas are among them (<c>boards-referrals</c>, …).</summary>
    public const string Scope = "scope";

    /// <summary>When the token was issued, in seconds since the epoch.</summary>
    public const string IssuedAt = "iat";

    /// <summary>Where an institution officer serves: one claim per municipality code (a JSON array in the token).</summary>
    public const string Municipalities = "municipalities";
}
