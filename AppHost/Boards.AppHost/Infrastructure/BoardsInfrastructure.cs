namespace Boards.AppHost.Infrastructure;

/// <summary>
/// What services need from the infrastructure, whatever the mode: a connection string per database, one for RabbitMQ,
/// the mail server, the resources to wait for before starting, and the one-shot steps to wait to complete (roles, users).
/// </summary>
public sealed class BoardsInfrastructure
{
    /// <summary>One database per service that keeps data (docs/architecture.md).</summary>
    public static readonly IReadOnlyList<string> Databases =
        ["identitydb", "referralsdb", "monitoringdb", "membershipdb", "needsdb", "planningdb", "servicedaysdb", "notificationsdb", "participationdb", "portaldb"];

    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> _database;

    public BoardsInfrastructure(
        Func<string, IResourceBuilder<IResourceWithConnectionString>> database,
        IResourceBuilder<IResourceWithConnectionString> rabbitMq,
        MailServer mail,
        IReadOnlyList<IResourceBuilder<IResource>> waitFor,
        IReadOnlyList<IResourceBuilder<IResource>>? waitForCompletion = null)
    {
        _database = database;
        RabbitMq = rabbitMq;
        Mail = mail;
        WaitFor = waitFor;
        WaitForCompletion = waitForCompletion ?? [];
    }

    /// <summary>One-shot steps every service waits to finish (local mode: the database roles and the bus user).</summary>
    public IReadOnlyList<IResourceBuilder<IResource>> WaitForCompletion { get; }

    public IResourceBuilder<IResourceWithConnectionString> RabbitMq { get; }

    /// <summary>Where e-mail goes (docs/notifications.md, "The mail server"); services that send it use WithMailServer.</summary>
    public MailServer Mail { get; }

    /// <summary>Resources with health checks that every service waits for (the servers, in local and container modes).</summary>
    public IReadOnlyList<IResourceBuilder<IResource>> WaitFor { get; }

    public IResourceBuilder<IResourceWithConnectionString> Database(string name) => _database(name);
}
