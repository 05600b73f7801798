using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// IdempotentBatchConsumer on the real broker and database (docs/messaging.md, "Batches"): a burst of events is handled
/// in fewer transactions than messages, each message id once (copies in one batch, in later batches, on two replicas); a
/// message that breaks its batch is retried and set aside alone while the rest are handled, and an operator's replay of
/// it goes through the consumer. Transactions are counted from the inbox rows' xmin: rows written by one transaction
/// share it. Batches here wait 50 ms for their first messages, so a burst makes large batches on a busy machine too.
/// </summary>
public sealed class BatchConsumerTests : MessagingTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> Batching = new() { ["Messaging:BatchDelay"] = "00:00:00.050" };

    private const int Burst = 40;

    private const int AttemptsPerDelivery = 3;

    [Fact]
    public async Task A_burst_of_events_is_handled_in_fewer_transactions_than_messages_each_once()
    {
        var host = await StartHostAsync(batched: true, settings: Batching);
        using var measured = new Measurements(host.Services.GetRequiredService<IMeterFactory>(), MessagingMetrics.MeterName);
        var ids = await WriteChangesAsync(Burst);

        Assert.Equal(Burst, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await HandledTotalAsync() == Burst, Patience, "every event of the burst handled");
        foreach (var id in ids)
        {
            Assert.Equal((1, 1, 1), (await HandledCountAsync(id), await InboxCountAsync(id), Probe.Attempts(id)));
        }

        var transactions = await TransactionsThatClaimedAsync(ids);
        Assert.True(transactions <= Burst / 4, $"{Burst} events took {transactions} transactions.");
        // The metric tells the same (other runs' events on the shared exchange may have joined these batches).
        Assert.True(measured.Sum("boards.messaging.batch_messages") >= Burst);
        Assert.True(measured.Count("boards.messaging.batch_messages") < measured.Sum("boards.messaging.batch_messages"));
        Assert.Equal(0, measured.Sum("boards.messaging.batches_failed"));
    }

    [Fact]
    public async Task Copies_of_a_message_in_one_batch_and_in_later_batches_are_handled_once()
    {
        var host = await StartHostAsync(batched: true, settings: Batching);
        var bus = host.Services.GetRequiredService<IBus>();
        var messages = Enumerable.Range(0, 5).Select(i => (Id: Guid.CreateVersion7(), Message: NewThing(i))).ToList();

        // Four copies of each at once (one batch takes up to the endpoint's 16 messages in flight), then two more later.
        await Task.WhenAll(messages.SelectMany(m => Enumerable.Repeat(m, 4)).Select(m => PublishAsync(bus, m.Message, m.Id)));
        await Eventually.HoldsAsync(() => Task.FromResult(messages.All(m => Probe.Consumed(m.Id) == 4)), Patience, "every copy consumed");
        await Task.WhenAll(messages.SelectMany(m => Enumerable.Repeat(m, 2)).Select(m => PublishAsync(bus, m.Message, m.Id)));
        await Eventually.HoldsAsync(() => Task.FromResult(messages.All(m => Probe.Consumed(m.Id) == 6)), Patience, "the later copies consumed");

        foreach (var (id, _) in messages)
        {
            Assert.Equal((1, 1, 1), (await HandledCountAsync(id), await InboxCountAsync(id), Probe.Attempts(id)));
            Assert.Null(await ParkedRowAsync(id));
        }

        Assert.True(await RabbitAdmin.InspectAsync(host.ConsumerQueue + "_error") is null or { Messages: 0 }, "Nothing in the error queue.");
    }

    [Fact]
    public async Task Two_replicas_consuming_copies_of_the_same_messages_handle_each_once()
    {
        var first = await StartHostAsync(batched: true, settings: Batching);
        await StartHostAsync(batched: true, settings: Batching);
        var bus = first.Services.GetRequiredService<IBus>();
        var messages = Enumerable.Range(0, 10).Select(i => (Id: Guid.CreateVersion7(), Message: NewThing(i))).ToList();

        // The queue hands the copies to both replicas: their batches race to claim the same ids.
        await Task.WhenAll(messages.SelectMany(m => Enumerable.Repeat(m, 3)).Select(m => PublishAsync(bus, m.Message, m.Id)));
        await Eventually.HoldsAsync(() => Task.FromResult(messages.All(m => Probe.Consumed(m.Id) == 3)), Patience, "every copy consumed");

        foreach (var (id, _) in messages)
        {
            Assert.Equal((1, 1, 1), (await HandledCountAsync(id), await InboxCountAsync(id), Probe.Attempts(id)));
        }
    }

    [Fact]
    public async Task A_message_that_breaks_its_batch_is_retried_and_parked_alone_while_the_rest_are_handled_and_a_replay_handles_it()
    {
        var host = await StartHostAsync(batched: true, settings: Batching);
        using var measured = new Measurements(host.Services.GetRequiredService<IMeterFactory>(), MessagingMetrics.MeterName);
        var ids = await WriteChangesAsync(Burst, poisonAt: 7);
        var poison = ids[7];

        Assert.Equal(Burst, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await ParkedRowAsync(poison) is not null, Patience, "the poison message set aside");
        await Eventually.HoldsAsync(async () => await HandledTotalAsync() == Burst - 1, Patience, "every other event handled");
        foreach (var id in ids.Where(id => id != poison))
        {
            Assert.Equal((1, 1), (await HandledCountAsync(id), await InboxCountAsync(id)));
            Assert.Null(await ParkedRowAsync(id));
        }

        // Once in its batch, then alone: the first attempt and the two retries in place.
        Assert.Equal(1 + AttemptsPerDelivery, Probe.Attempts(poison));
        var waiting = (await ParkedRowAsync(poison))!;
        Assert.Equal((1, 0, host.ConsumerQueue), (waiting.Failures, waiting.Redeliveries, waiting.Queue));
        Assert.NotNull(waiting.NextAttemptAt);
        Assert.Contains("Simulated failure", waiting.LastError);
        Assert.Equal((0, 0), (await HandledCountAsync(poison), await InboxCountAsync(poison)));
        Assert.True(await RabbitAdmin.InspectAsync(host.ConsumerQueue + "_error") is null or { Messages: 0 }, "Parked, not in the error queue.");
        Assert.Equal(1, measured.Sum("boards.messaging.batches_failed"));
        Assert.Equal(1, measured.Sum("boards.messaging.redelivery_scheduled"));

        // The cause is fixed; an operator replays it: it goes back through the batch consumer and its row goes.
        Probe.Heal(poison);
        Assert.Equal(1, (await host.AdminAsync(admin => admin.ReplayAsync(waiting.Id, CancellationToken.None))).Replayed);

        await Eventually.HoldsAsync(async () => await HandledCountAsync(poison) == 1, Patience, "the replayed message handled");
        await Eventually.HoldsAsync(async () => await ParkedRowAsync(poison) is null, Patience, "its row gone");
        Assert.Equal((1, 2 + AttemptsPerDelivery), (await InboxCountAsync(poison), Probe.Attempts(poison)));
    }

    [Fact]
    public async Task A_message_alone_that_keeps_failing_is_retried_and_parked_as_with_a_consumer_of_its_own()
    {
        var host = await StartHostAsync(batched: true);
        using var measured = new Measurements(host.Services.GetRequiredService<IMeterFactory>(), MessagingMetrics.MeterName);
        var (_, outbox) = await WriteChangeAsync(failTimes: int.MaxValue);

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await ParkedRowAsync(outbox.Id) is not null, Patience, "the failed message set aside");
        // Its batch of one is its own transaction: no extra attempt, and no batch counted as failed.
        Assert.Equal(AttemptsPerDelivery, Probe.Attempts(outbox.Id));
        Assert.Equal(0, measured.Sum("boards.messaging.batches_failed"));
        Assert.Equal(0, await InboxCountAsync(outbox.Id));
    }

    private ThingHappened NewThing(int sequence) => new() { ThingId = Guid.CreateVersion7(), RunId = Probe.RunId, Sequence = sequence };

    private static Task PublishAsync(IBus bus, ThingHappened message, Guid messageId) =>
        bus.Publish(message, context => context.MessageId = messageId);

    private async Task<List<Guid>> WriteChangesAsync(int count, int? poisonAt = null)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await WriteChangeAsync(i, failTimes: i == poisonAt ? int.MaxValue : 0)).Outbox.Id);
        }

        return ids;
    }

    private async Task<int> HandledTotalAsync()
    {
        await using var db = Database.NewContext();
        return await db.HandledThings.CountAsync();
    }

    /// <summary>How many transactions wrote the inbox rows of these messages: the rows one transaction writes share its xmin.</summary>
    private async Task<int> TransactionsThatClaimedAsync(IEnumerable<Guid> messageIds)
    {
        await using var db = Database.NewContext();
        var ids = messageIds.ToArray();
        return await db.Database
            .SqlQuery<int>($"""SELECT count(DISTINCT xmin::text)::int AS "Value" FROM inbox_messages WHERE "MessageId" = ANY({ids})""")
            .SingleAsync();
    }
}
