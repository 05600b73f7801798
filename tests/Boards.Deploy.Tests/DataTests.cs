using k8s.Models;
using Npgsql;

namespace Boards.Deploy.Tests;

/// <summary>PostgreSQL (CloudNativePG), its backups and RabbitMQ, as the services' settings expect them.</summary>
public sealed class DataTests
{
    private static CustomObject Single(Manifests manifests, string kind) => Assert.Single(manifests.All<CustomObject>(), o => o.Kind == kind);

    /// <summary>
    /// Each container's database connections (the monolith's container has one per module): the string and the Secret its
    /// password comes from, through the variable the string names as $(VAR).
    /// </summary>
    private static IEnumerable<(V1Container Container, NpgsqlConnectionStringBuilder Connection, string PasswordSecret)> Connections(Manifests manifests) =>
        from deployment in manifests.All<V1Deployment>()
        from container in deployment.Spec.Template.Spec.Containers
        from env in container.Env ?? []
        where env.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && env.Name != "ConnectionStrings__rabbitmq"
        let connection = new NpgsqlConnectionStringBuilder(env.Value)
        select (container, connection, container.Env.Single(e => $"$({e.Name})" == connection.Password).ValueFrom.SecretKeyRef.Name);

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_service_database_has_its_own_role_that_owns_it(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var roles = ((List<object>)Single(manifests, "Cluster").At("managed.roles")!).Cast<Dictionary<object, object?>>().ToList();
        var databases = manifests.All<CustomObject>().Where(o => o.Kind == "Database").ToList();

        // The eight modules' databases and the portal's, in either shape (the monolith connects to each as its module).
        Assert.Equal(9, Connections(manifests).Count());
        Assert.All(Connections(manifests), c =>
        {
            Assert.Equal("boards-db-rw", c.Connection.Host);
            var role = Assert.Single(roles, r => (string)r["name"]! == c.Connection.Username);
            Assert.Equal(c.PasswordSecret, ((Dictionary<object, object?>)role["passwordSecret"]!)["name"]);
            Assert.Single(databases, d => (string?)d.At("name") == c.Connection.Database && (string?)d.At("owner") == c.Connection.Username);
        });
        Assert.Equal(Connections(manifests).Count(), Connections(manifests).Select(c => c.Connection.Username).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void PostgreSQL_accepts_every_connection_the_pools_may_open(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var autoscalers = manifests.All<V2HorizontalPodAutoscaler>().ToDictionary(a => a.Spec.ScaleTargetRef.Name, a => a.Spec.MaxReplicas);
        var keycloak = manifests.Deployment("keycloak");
        var keycloakPool = int.Parse(keycloak.Spec.Template.Spec.Containers.Single().Env.Single(e => e.Name == "KC_DB_POOL_MAX_SIZE").Value);

        var services = manifests.All<V1Deployment>().Where(d => autoscalers.ContainsKey(d.Name()))
            .Sum(d => autoscalers[d.Name()] * Connections(manifests).Where(c => d.Spec.Template.Spec.Containers.Contains(c.Container)).Sum(c => c.Connection.MaxPoolSize));
        // A migration Job per database, running at once, with the same pool size.
        var jobs = Connections(manifests).Sum(c => c.Connection.MaxPoolSize);
        var needed = services + jobs + keycloak.Spec.Replicas!.Value * keycloakPool;

        var allowed = int.Parse((string)Single(manifests, "Cluster").At("postgresql.parameters.max_connections")!);
        Assert.True(needed <= allowed, $"max_connections {allowed} < {needed}");
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void The_cluster_archives_to_an_object_store_and_takes_a_base_backup_every_night(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var cluster = Single(manifests, "Cluster");
        var backup = Single(manifests, "ScheduledBackup");

        Assert.StartsWith("s3://", (string)cluster.At("backup.barmanObjectStore.destinationPath")!);
        Assert.Contains(overlay, (string)cluster.At("backup.barmanObjectStore.destinationPath")!);
        Assert.Equal("boards-backup-s3", cluster.At("backup.barmanObjectStore.s3Credentials.secretAccessKey.name"));
        Assert.NotNull(cluster.At("backup.retentionPolicy"));
        Assert.Equal(cluster.Metadata.Name, backup.At("cluster.name"));
        Assert.Equal("barmanObjectStore", backup.At("method"));
        // Six fields, seconds first: CloudNativePG's schedule is not the five-field cron of a CronJob.
        Assert.Equal(6, ((string)backup.At("schedule")!).Split(' ').Length);
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void RabbitMQ_has_three_nodes_and_the_services_connect_as_their_own_user(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var broker = Single(manifests, "RabbitmqCluster");
        var user = Single(manifests, "User");

        Assert.Equal("3", broker.At("replicas")?.ToString());
        Assert.Equal(broker.Metadata.Name, user.At("rabbitmqClusterReference.name"));
        Assert.Equal(user.Metadata.Name, Single(manifests, "Permission").At("userReference.name"));
        var credentials = manifests.All<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers).SelectMany(c => c.Env ?? [])
            .Where(e => e.Name.StartsWith("BOARDS_BUS_", StringComparison.Ordinal)).Select(e => e.ValueFrom.SecretKeyRef.Name).Distinct();
        // The Messaging Topology Operator names the Secret it makes after the User.
        Assert.Equal([user.Metadata.Name + "-user-credentials"], credentials);
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public void Every_service_on_the_bus_declares_quorum_queues_that_outlive_the_loss_of_a_node(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var nodes = int.Parse(Single(manifests, "RabbitmqCluster").At("replicas")!.ToString()!);
        var services = manifests.All<V1Deployment>().Where(d => d.Labels()["app.kubernetes.io/component"] == "service")
            .Select(d => d.Spec.Template.Spec.Containers.Single()).Where(c => manifests.Setting(c, "ConnectionStrings__rabbitmq") is not null).ToList();

        Assert.Equal(overlay == Manifests.Monolith ? 1 : 8, services.Count);
        Assert.All(services, c => Assert.Equal("quorum", manifests.Setting(c, "Messaging__QueueType")));
        // A quorum queue takes writes while a majority of its members is up: one node may go with three, two with five.
        var members = services.Select(c => manifests.Setting(c, "Messaging__QuorumReplicationFactor") is { } factor ? int.Parse(factor) : nodes).Distinct();
        Assert.All(members, m => Assert.True(m >= 3 && m % 2 == 1 && m <= nodes, $"{m} réplicas de cada cola en {nodes} nodos"));
    }
}
