namespace Boards.AppHost.Infrastructure;

/// <summary>
/// Docker or Podman answers: Aspire's own PostgreSQL and RabbitMQ integrations, with volumes. The mail server is the
/// same smtp4dev executable as in local mode, its data under Infrastructure:DataDirectory.
/// </summary>
public static class ContainerInfrastructure
{
    public static BoardsInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume("boards-postgres");
        var rabbitMq = builder.AddRabbitMQ("rabbitmq").WithDataVolume("boards-rabbitmq");
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        return new BoardsInfrastructure(
            name => databases.TryGetValue(name, out var db) ? db : databases[name] = postgres.AddDatabase(name),
            rabbitMq,
            LocalMailServer.Add(builder, LocalSettings.From(builder).DataDirectory),
            [postgres, rabbitMq]);
    }
}
