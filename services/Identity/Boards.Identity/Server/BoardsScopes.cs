namespace Boards.Identity.Server;

public static class BoardsScopes
{
    /// <summary>The API scope; its resource <c>boards-api</c> becomes the access token's audience.</summary>
    public const string Api = "boards-api";

    /// <summary>
    /// The API areas an integrator client may call, as Keycloak client scopes (<c>boards-referrals</c>, …): a client
    /// registered with one as a default client scope gets it in every token's <c>scope</c>, and the gateway lets it
    /// call only the routes of its areas (docs/integrators.md).
    /// </summary>
    public static readonly IReadOnlyList<string> Areas =
    [
        "boards-referrals", "boards-monitoring", "boards-offer", "boards-service-days", "boards-plans", "boards-boards",
    ];

    /// <summary>Keycloak's built-in client scopes that never appear in a token's <c>scope</c> (include.in.token.scope false).</summary>
    public static readonly IReadOnlyList<string> Silent = ["basic", "roles", "web-origins"];

    /// <summary>The realm's default client scopes (defaultDefaultClientScopes in the realm export).</summary>
    public static readonly IReadOnlyList<string> RealmDefaults = ["basic", "profile", "roles", "web-origins", Api];

    /// <summary>Every client scope of the realm that a client may have as a default client scope.</summary>
    public static IEnumerable<string> Known => Silent.Concat(["profile", Api]).Concat(Areas);
}
