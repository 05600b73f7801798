using Microsoft.Extensions.Configuration;

namespace Boards.AppHost.Scaling;

/// <summary>
/// How many processes run each stateless service (section Scale, docs/configuration.md "Scaled local mode"). Replica 1
/// keeps the service's name and ports; replica i is "{name}-i" on every port moved by (i - 1) × <see cref="PortOffset"/>.
/// </summary>
public sealed record BoardsScale(int Replicas, int PortOffset)
{
    public const int MaxReplicas = 3;

    public static BoardsScale From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scale");
        var replicas = section.GetValue("Replicas", 1);
        var offset = section.GetValue("PortOffset", 10000);
        if (replicas is < 1 or > MaxReplicas)
        {
            throw new InvalidOperationException($"Scale:Replicas debe estar entre 1 y {MaxReplicas} (se recibió {replicas}).");
        }

        if (replicas > 1 && offset is < 100 or > 20000)
        {
            throw new InvalidOperationException($"Scale:PortOffset debe estar entre 100 y 20000 (se recibió {offset}).");
        }

        return new BoardsScale(replicas, offset);
    }

    public int Offset(int replica) => (replica - 1) * PortOffset;

    public static string ReplicaName(string service, int replica) => replica == 1 ? service : $"{service}-{replica}";
}
