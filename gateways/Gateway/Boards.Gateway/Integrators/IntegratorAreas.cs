namespace Boards.Gateway.Integrators;

/// <summary>
/// Which API area each proxied route belongs to, for integrator tokens: an integrator calls a route only when its
/// token's <c>scope</c> holds that area's client scope (<c>boards-referrals</c>, …). Reference data goes with the area
/// that needs it (institutions with referrals); the caller's own notification centre, the public municipality registry,
/// the integrator-clients API (its service answers integrators itself) and the benchmark echo need no particular area.
/// Every route must be named here (IntegratorAreasTests): a new route is refused to integrators until it is.
/// </summary>
public static class IntegratorAreas
{
    public const string ScopePrefix = "boards-";

    /// <summary>The areas Membership registers clients with (its Domain/IntegratorClients/IntegratorAreas.cs).</summary>
    public static readonly IReadOnlyList<string> All = ["referrals", "monitoring", "offer", "service-days", "plans", "boards"];

    /// <summary>A route every integrator may call, whatever its areas.</summary>
    public const string AnyArea = "*";

    private static readonly Dictionary<string, string> ByRoute = new(StringComparer.Ordinal)
    {
        ["referrals-rest"] = "referrals",
        ["referrals-grpc"] = "referrals",
        ["institutions"] = "referrals",
        ["monitoring-rest"] = "monitoring",
        ["monitoring-grpc"] = "monitoring",
        ["needs-rest"] = "offer",
        ["offer-rest"] = "offer",
        ["needs-grpc"] = "offer",
        ["service-days-rest"] = "service-days",
        ["servicedays-grpc"] = "service-days",
        ["plans-rest"] = "plans",
        ["planning-grpc"] = "plans",
        ["boards-rest"] = "boards",
        ["membership-grpc"] = "boards",
        ["municipalities"] = AnyArea,
        ["notifications-rest"] = AnyArea,
        ["integrator-clients-rest"] = AnyArea,
        // Participation serves people (slips, paper answers): it refuses integrators itself.
        ["participation-rest"] = AnyArea,
        ["bench-echo-grpc"] = AnyArea,
    };

    /// <summary>The route's area, <see cref="AnyArea"/>, or null for a route integrators may not call.</summary>
    public static string? OfRoute(string routeId) => ByRoute.GetValueOrDefault(routeId);

    public static IEnumerable<string> Routes => ByRoute.Keys;

    /// <summary>Whether the token's space-separated <c>scope</c> holds the area's client scope.</summary>
    public static bool Grants(string? scope, string area) =>
        area == AnyArea ||
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(ScopePrefix + area, StringComparer.Ordinal);
}
