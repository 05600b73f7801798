using MassTransit;

namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>
/// Each test gets a fresh database (random name, dropped afterwards) and a run id that names its queues;
/// hosts it starts are stopped and their queues deleted at the end.
/// </summary>
public abstract class MessagingTest : IAsyncLifetime
{
    private readonly List<MessagingHost> _hosts = [];

    protected TestDatabase Database { get; } = new();

    protected Probe Probe { get; } = new(TestSettings.NewRunId());

    public async Task InitializeAsync() => await Database.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        foreach (var queue in _hosts.Select(h => h.ConsumerQueue).Distinct())
        {
            await RabbitAdmin.DeleteEndpointAsync(queue);
        }

        await Database.DisposeAsync();
    }

    protected async Task<MessagingHost> StartHostAsync(
        string? rabbitMq = null,
        bool withConsumer = true,
        bool relayRunsInBackground = false,
        int batchSize = 100,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IBusRegistrationConfigurator>? moreConsumers = null,
        bool batched = false)
    {
        var host = await MessagingHost.StartAsync(
            Database, Probe, rabbitMq ?? TestSettings.RabbitMq, withConsumer, relayRunsInBackground, batchSize, settings, moreConsumers, batched);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Writes a business change and its event in one transaction, as a service's handler does.</summary>
    protected async Task<(Thing Thing, OutboxMessage Outbox)> WriteChangeAsync(int sequence = 0, int failTimes = 0)
    {
        await using var db = Database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var thing = new Thing { Name = $"thing-{Probe.RunId}-{sequence}" };
        db.Things.Add(thing);
        var outbox = db.AddToOutbox(new ThingHappened { ThingId = thing.Id, RunId = Probe.RunId, Sequence = sequence, FailTimes = failTimes });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (thing, outbox);
    }

    protected async Task<OutboxMessage?> OutboxRowAsync(Guid id)
    {
        await using var db = Database.NewContext();
        return await db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
    }

    protected async Task<int> HandledCountAsync(Guid messageId)
    {
        await using var db = Database.NewContext();
        return await db.HandledThings.CountAsync(h => h.MessageId == messageId);
    }

    protected async Task<ParkedMessage?> ParkedRowAsync(Guid messageId)
    {
        await using var db = Database.NewContext();
        return await db.Set<ParkedMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == messageId);
    }

    protected async Task<int> InboxCountAsync(Guid messageId)
    {
        await using var db = Database.NewContext();
        return await db.Set<Boards.BuildingBlocks.Inbox.InboxMessage>().CountAsync(m => m.MessageId == messageId);
    }
}
