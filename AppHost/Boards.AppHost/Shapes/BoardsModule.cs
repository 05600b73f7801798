namespace Boards.AppHost.Shapes;

/// <summary>
/// A module as the rest of the system knows it, whichever process hosts it: its service-discovery name, its database,
/// and its ports (Ports:&lt;Module&gt; for HTTP; Ports:&lt;Module&gt;Grpc for its HTTP/2-only gRPC endpoint, where it has one).
/// </summary>
public sealed record BoardsModule(string Name, string Database, Func<BoardsPorts, int> Http, Func<BoardsPorts, int>? Grpc = null)
{
    /// <summary>The eight modules, in the order the services shape starts them (consumers before publishers).</summary>
    public static readonly IReadOnlyList<BoardsModule> All =
    [
        new("notifications", "notificationsdb", p => p.Notifications),
        new("monitoring", "monitoringdb", p => p.Monitoring, p => p.MonitoringGrpc),
        new("planning", "planningdb", p => p.Planning, p => p.PlanningGrpc),
        new("servicedays", "servicedaysdb", p => p.ServiceDays, p => p.ServiceDaysGrpc),
        new("participation", "participationdb", p => p.Participation),
        new("needs", "needsdb", p => p.Needs, p => p.NeedsGrpc),
        new("referrals", "referralsdb", p => p.Referrals, p => p.ReferralsGrpc),
        new("membership", "membershipdb", p => p.Membership, p => p.MembershipGrpc),
    ];

    /// <summary>The module's endpoints as its service names them ("http", "grpc"), with their ports.</summary>
    public IEnumerable<(string Name, int Port, bool Http2Only)> Endpoints(BoardsPorts ports) => Grpc is null
        ? [("http", Http(ports), false)]
        : [("http", Http(ports), false), ("grpc", Grpc(ports), true)];

    /// <summary>The monolith's endpoint that stands for one of this module's: "referrals-http", "referrals-grpc".</summary>
    public string MonolithEndpoint(string endpoint) => $"{Name}-{endpoint}";
}
