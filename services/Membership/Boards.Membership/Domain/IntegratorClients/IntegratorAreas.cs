namespace Boards.Membership.Domain.IntegratorClients;

/// <summary>
/// The API areas an integrator client may be given. Each is a client scope <c>boards-{area}</c> of the realm, granted as
/// a default client scope, so it appears in every token's <c>scope</c>; the gateway lets an integrator call only the
/// routes of its areas (gateways/Gateway/…/Integrators/IntegratorAreas.cs maps routes to these names).
/// </summary>
public static class IntegratorAreas
{
    public const string ScopePrefix = "boards-";

    public static readonly IReadOnlyList<string> All = ["referrals", "monitoring", "offer", "service-days", "plans", "boards"];

    public static string ScopeOf(string area) => ScopePrefix + area;
}
