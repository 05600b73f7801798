using MassTransit;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// Messaging:QueueType (docs/messaging.md, "Queue types") on the real broker: with quorum every durable queue of a
/// service is a quorum queue (here a one-node broker, so one member each) and events, redeliveries and failures still
/// reach it; each replica's temporary queue stays classic; classic is the default; a wrong value stops the start.
/// </summary>
public sealed class QueueTypeTests : MessagingTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const int AttemptsPerDelivery = 3;

    private static Dictionary<string, string?> Quorum(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Messaging:QueueType"] = "quorum" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task With_quorum_the_consumers_queue_is_a_quorum_queue_and_events_reach_the_consumer()
    {
        var host = await StartHostAsync(settings: Quorum());
        var (_, outbox) = await WriteChangeAsync();

        Assert.Equal("quorum", await RabbitAdmin.QueueTypeAsync(host.ConsumerQueue));
        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) == 1, Patience, "the event handled from the quorum queue");
        Assert.Equal(1, Probe.Consumed(outbox.Id));
    }

    [Fact]
    public async Task With_quorum_and_a_replication_factor_the_queue_is_a_quorum_queue_and_events_reach_the_consumer()
    {
        // One node here: a factor of 3 asks for more members than there are nodes, and RabbitMQ places what it can.
        var host = await StartHostAsync(settings: Quorum(("Messaging:QuorumReplicationFactor", "3")));
        var (_, outbox) = await WriteChangeAsync();

        Assert.Equal("quorum", await RabbitAdmin.QueueTypeAsync(host.ConsumerQueue, quorumMembers: 3));
        // Declared with exactly that factor: the broker refuses any other.
        var other = await Assert.ThrowsAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(
            () => RabbitAdmin.QueueTypeAsync(host.ConsumerQueue, quorumMembers: 5));
        Assert.Contains("'x-quorum-initial-group-size'", other.Message, StringComparison.Ordinal);
        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) == 1, Patience, "the event handled from the quorum queue");
    }

    [Fact]
    public async Task With_quorum_a_failed_message_is_sent_back_to_its_quorum_queue_and_handled()
    {
        // A redelivery to queue:<name> would declare the queue as classic, which the broker refuses for a quorum queue.
        var host = await StartHostAsync(settings: Quorum(("Messaging:RedeliveryIntervals", "00:00:02")));
        var (_, outbox) = await WriteChangeAsync(failTimes: AttemptsPerDelivery);

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await ParkedRowAsync(outbox.Id) is not null, Patience, "the failed message in parked_messages");
        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) == 1, Patience, "the redelivered message to be handled");
        await Eventually.HoldsAsync(async () => await ParkedRowAsync(outbox.Id) is null, Patience, "its row to go");
        Assert.Equal(AttemptsPerDelivery + 1, Probe.Attempts(outbox.Id));
        Assert.Equal("quorum", await RabbitAdmin.QueueTypeAsync(host.ConsumerQueue));
    }

    [Fact]
    public async Task With_quorum_a_failure_the_database_cannot_keep_lands_in_a_quorum_error_queue()
    {
        var host = await StartHostAsync(settings: Quorum());
        await using (var db = Database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE parked_messages");
        }

        var (_, outbox) = await WriteChangeAsync(failTimes: int.MaxValue);
        var errorQueue = host.ConsumerQueue + "_error";

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await RabbitAdmin.InspectAsync(errorQueue) is { Messages: > 0 }, Patience, $"the failed message in {errorQueue}");
        Assert.Equal("quorum", await RabbitAdmin.QueueTypeAsync(errorQueue));
        Assert.Equal(outbox.Id.ToString(), (await RabbitAdmin.PeekAsync(errorQueue))!.Value.MessageId);
    }

    [Fact]
    public async Task With_quorum_each_replicas_temporary_queue_stays_classic_and_gets_every_event_once()
    {
        // Two replicas: one quorum queue for the consumer they share, and a temporary queue each, as WatchReferrals has.
        var replicas = new List<MessagingHost>();
        foreach (var replica in new[] { 1, 2 })
        {
            replicas.Add(await StartHostAsync(settings: Quorum(), moreConsumers: bus =>
                bus.AddConsumer<ThingWatcher>().Endpoint(e =>
                {
                    e.Name = ThingWatcher.Name(Probe.RunId, replica);
                    e.Temporary = true;
                })));
        }

        var (_, outbox) = await WriteChangeAsync();

        Assert.Equal("quorum", await RabbitAdmin.QueueTypeAsync(replicas[0].ConsumerQueue));
        // Exclusive to its replica's connection: a quorum queue never is.
        Assert.True(await RabbitAdmin.IsExclusiveToAnotherConnectionAsync(ThingWatcher.Name(Probe.RunId, 1)));
        Assert.True(await RabbitAdmin.IsExclusiveToAnotherConnectionAsync(ThingWatcher.Name(Probe.RunId, 2)));
        Assert.Equal(1, await replicas[0].Relay.PublishPendingAsync(CancellationToken.None));
        await Eventually.HoldsAsync(() => Task.FromResult(Probe.Watched(outbox.Id) == 2), Patience, "both replicas' temporary queues to get the event");
        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) == 1, Patience, "the shared consumer to handle it");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, Probe.Watched(outbox.Id));
        Assert.Equal(1, Probe.Attempts(outbox.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("classic")]
    public async Task Classic_is_the_default_and_declares_classic_queues(string? queueType)
    {
        var host = await StartHostAsync(settings: new Dictionary<string, string?> { ["Messaging:QueueType"] = queueType });
        var (_, outbox) = await WriteChangeAsync();

        Assert.Equal("classic", await RabbitAdmin.QueueTypeAsync(host.ConsumerQueue));
        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) == 1, Patience, "the event handled");
    }

    [Fact]
    public async Task An_existing_classic_queue_is_not_switched_the_quorum_replica_does_not_start_and_the_queue_keeps_its_events()
    {
        // A replica with classic queues declared the queue, then stopped; an event waits in it for the consumer.
        var classic = await StartHostAsync();
        await classic.DisposeAsync();
        var publisher = await StartHostAsync(withConsumer: false);
        var (_, outbox) = await WriteChangeAsync();
        Assert.Equal(1, await publisher.Relay.PublishPendingAsync(CancellationToken.None));
        await Eventually.HoldsAsync(async () => await RabbitAdmin.InspectAsync(classic.ConsumerQueue) is { Messages: > 0 }, Patience, "the event waiting in the classic queue");
        // Other tests' events may join it (the event type's exchange is shared): none may leave.
        var waiting = (await RabbitAdmin.InspectAsync(classic.ConsumerQueue))!.Value.Messages;

        // The broker refuses to declare it again as a quorum queue (PRECONDITION_FAILED): the replica never consumes.
        await Assert.ThrowsAnyAsync<Exception>(() => StartHostAsync(settings: Quorum()));

        Assert.Equal("classic", await RabbitAdmin.QueueTypeAsync(classic.ConsumerQueue));
        Assert.True((await RabbitAdmin.InspectAsync(classic.ConsumerQueue))!.Value.Messages >= waiting, "The queue kept its events.");
        Assert.Equal(0, await HandledCountAsync(outbox.Id));
        Assert.Equal(0, Probe.Attempts(outbox.Id));
    }

    [Theory]
    [InlineData("quorom", null, "Messaging:QueueType debe ser 'classic' o 'quorum' (es 'quorom').")]
    [InlineData("classic", "3", "Messaging:QuorumReplicationFactor (3) solo vale con Messaging:QueueType 'quorum'.")]
    [InlineData("quorum", "0", "Messaging:QuorumReplicationFactor debe ser al menos 1 (es 0).")]
    public async Task A_wrong_queue_setting_stops_the_start_with_a_message_naming_it(string queueType, string? factor, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:QueueType"] = queueType,
            ["Messaging:QuorumReplicationFactor"] = factor,
        };

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(settings: settings));

        Assert.Equal(message, Assert.Single(refused.Failures));
        var queue = new KebabCaseEndpointNameFormatter($"bbtest-{Probe.RunId}", false).Consumer<ThingHappenedConsumer>();
        Assert.Null(await RabbitAdmin.InspectAsync(queue)); // nothing was declared
    }
}
