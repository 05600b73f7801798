namespace Boards.AppHost.Scaling;

/// <summary>
/// The processes of one service. What is said of the service is said of every replica: its settings, whom it waits
/// for, whom it calls. A caller learns every replica's endpoints under the service's own name
/// (services__{name}__{endpoint}__{i}), so service discovery balances over them.
/// </summary>
public sealed class ServiceReplicas(string name, IReadOnlyList<IResourceBuilder<ProjectResource>> replicas)
{
    public string Name { get; } = name;

    /// <summary>Replica 1, named after the service.</summary>
    public IResourceBuilder<ProjectResource> First => replicas[0];

    public IReadOnlyList<IResourceBuilder<ProjectResource>> All => replicas;

    public ServiceReplicas Each(Action<IResourceBuilder<ProjectResource>> configure)
    {
        foreach (var replica in replicas)
        {
            configure(replica);
        }

        return this;
    }

    /// <summary>Each replica here starts after every replica of <paramref name="other"/> is healthy.</summary>
    public ServiceReplicas WaitFor(ServiceReplicas other) => Each(replica =>
    {
        foreach (var dependency in other.All)
        {
            replica.WaitFor(dependency);
        }
    });

    public ServiceReplicas WithReference(ServiceReplicas other) => Each(replica => replica.WithReplicasOf(other));

    public ServiceReplicas WithReferenceAndWaitFor(ServiceReplicas other) => WithReference(other).WaitFor(other);
}
