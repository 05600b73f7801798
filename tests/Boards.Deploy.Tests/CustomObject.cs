using k8s;
using k8s.Models;

namespace Boards.Deploy.Tests;

/// <summary>An object of an operator's kind (CloudNativePG, RabbitMQ): its spec as YAML read it, maps and lists.</summary>
public sealed class CustomObject : IKubernetesObject<V1ObjectMeta>
{
    public static readonly string[] Kinds =
    [
        "postgresql.cnpg.io/v1/Cluster",
        "postgresql.cnpg.io/v1/Database",
        "postgresql.cnpg.io/v1/ScheduledBackup",
        "rabbitmq.com/v1beta1/RabbitmqCluster",
        "rabbitmq.com/v1beta1/User",
        "rabbitmq.com/v1beta1/Permission",
    ];

    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public Dictionary<object, object?> Spec { get; set; } = [];

    /// <summary>The value at a dotted path of the spec ("backup.barmanObjectStore.destinationPath"), null when absent.</summary>
    public object? At(string path)
    {
        object? node = Spec;
        foreach (var step in path.Split('.'))
        {
            node = node is IDictionary<object, object?> map && map.TryGetValue(step, out var next) ? next : null;
        }

        return node;
    }
}
