namespace Boards.AppHost.Infrastructure;

/// <summary>
/// What services need from the infrastructure, whatever the mode: a connection string per database, one for RabbitMQ,
/// and the resources to wait for before starting.
/// </summary>
public sealed class BoardsInfrastructure
{
    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> _database;

    public BoardsInfrastructure(
        Func<string, IResourceBuilder<IResourceWithConnectionString>> database,
        IResourceBuilder<IResourceWithConnectionString> rabbitMq,
        IReadOnlyList<IResourceBuilder<IResource>> waitFor)
    {
        _database = database;
        RabbitMq = rabbitMq;
        WaitFor = waitFor;
    }

    public IResourceBuilder<IResourceWithConnectionString> RabbitMq { get; }

    /// <summary>Resources with health checks that every service waits for (the servers, in local and container modes).</summary>
    public IReadOnlyList<IResourceBuilder<IResource>> WaitFor { get; }

    public IResourceBuilder<IResourceWithConnectionString> Database(string name) => _database(name);
}
