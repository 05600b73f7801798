namespace Boards.AppHost.Shapes;

/// <summary>
/// A module as the rest of the system knows it, whichever process hosts it: its service-discovery name, its database,
/// and whether it serves gRPC on an endpoint of its own (named "grpc", beside "http").
/// </summary>
public sealed record BoardsModule(string Name, string Database, bool Grpc)
{
    /// <summary>The eight modules, in the order the services shape starts them (consumers before publishers).</summary>
    public static readonly IReadOnlyList<BoardsModule> All =
    [
        new("notifications", "notificationsdb", Grpc: false),
        new("monitoring", "monitoringdb", Grpc: true),
        new("planning", "planningdb", Grpc: true),
        new("servicedays", "servicedaysdb", Grpc: true),
        new("participation", "participationdb", Grpc: false),
        new("needs", "needsdb", Grpc: true),
        new("referrals", "referralsdb", Grpc: true),
        new("membership", "membershipdb", Grpc: true),
    ];

    public IEnumerable<string> Endpoints => Grpc ? ["http", "grpc"] : ["http"];
}
