namespace Boards.AppHost.Infrastructure;

/// <summary>
/// Production-like: every connection string comes from configuration (ConnectionStrings:referralsdb, :rabbitmq, ...),
/// and the mail server from Infrastructure:Smtp:Host and :Port.
/// </summary>
public static class ExternalInfrastructure
{
    public static BoardsInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        return new BoardsInfrastructure(
            name => databases.TryGetValue(name, out var db) ? db : databases[name] = builder.AddConnectionString(name),
            builder.AddConnectionString("rabbitmq"),
            MailServer.FromConfiguration(builder.Configuration),
            []);
    }
}
