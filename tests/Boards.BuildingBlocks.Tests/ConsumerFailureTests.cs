using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// AddBoardsMessaging: transient failures retry in place; what still fails is set aside in the service's database,
/// sent back to its queue after each redelivery interval, then parked for good until an operator replays it. Nothing
/// acknowledged is ever lost: when the database cannot keep it, the message lands in the consumer's _error queue.
/// Here: two retries in place (so three attempts a delivery), redeliveries after seconds (docs/messaging.md).
/// </summary>
public sealed class ConsumerFailureTests : MessagingTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Two redeliveries, two seconds apart.</summary>
    private static readonly Dictionary<string, string?> Redeliveries = new() { ["Messaging:RedeliveryIntervals"] = "00:00:02,00:00:02" };

    private const int AttemptsPerDelivery = 3;

    [Fact]
    public async Task A_consumer_that_keeps_failing_is_retried_redelivered_twice_parked_and_then_replayed_by_an_operator_once()
    {
        var host = await StartHostAsync(settings: Redeliveries);
        using var measured = new Measurements(host.Services.GetRequiredService<IMeterFactory>(), MessagingMetrics.MeterName);
        // It fails on the first delivery and on both redeliveries; the operator's replay is its fourth delivery.
        var (_, outbox) = await WriteChangeAsync(failTimes: 3 * AttemptsPerDelivery);
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await ParkedRowAsync(outbox.Id) is not null, Patience, "the failed message in parked_messages");
        var waiting = (await ParkedRowAsync(outbox.Id))!;
        Assert.Equal(AttemptsPerDelivery, Probe.Attempts(outbox.Id));
        Assert.Equal((1, 0, null), (waiting.Failures, waiting.Redeliveries, waiting.ParkedAt));
        Assert.InRange(waiting.NextAttemptAt!.Value, before.AddSeconds(1.5), DateTimeOffset.UtcNow.AddSeconds(2.5));
        Assert.Equal(host.ConsumerQueue, waiting.Queue);
        Assert.Contains("Simulated failure", waiting.LastError);
        Assert.Contains(Probe.RunId, waiting.Payload);

        await Eventually.HoldsAsync(async () => (await ParkedRowAsync(outbox.Id))?.ParkedAt is not null, Patience, "the message parked for good");
        var parked = (await ParkedRowAsync(outbox.Id))!;
        Assert.Equal((3, 2, null), (parked.Failures, parked.Redeliveries, parked.NextAttemptAt));
        Assert.Equal(3 * AttemptsPerDelivery, Probe.Attempts(outbox.Id));
        Assert.Equal(0, await HandledCountAsync(outbox.Id)); // every failed attempt rolled back its side effect
        Assert.Equal(0, await InboxCountAsync(outbox.Id));
        Assert.True(await RabbitAdmin.InspectAsync(host.ConsumerQueue + "_error") is null or { Messages: 0 }, "Parked, not in the error queue.");
        Assert.Equal(0u, (await RabbitAdmin.InspectAsync(host.ConsumerQueue))!.Value.Messages);
        await Task.Delay(TimeSpan.FromSeconds(3)); // no fourth delivery comes by itself
        Assert.Equal(3 * AttemptsPerDelivery, Probe.Attempts(outbox.Id));

        Assert.Equal(2, measured.Sum("boards.messaging.redelivery_scheduled")); // the first failure and the first redelivery's
        Assert.Equal(2, measured.Sum("boards.messaging.redelivered"));
        Assert.Equal(1, measured.Sum("boards.messaging.parked"));
        Assert.Equal("ThingHappened", measured.All.First(m => m.Name == "boards.messaging.parked").Type);
        await host.Redelivery.RedeliverDueAsync(CancellationToken.None);
        Assert.Equal(1, measured.Last("boards.messaging.parked_messages"));

        var listed = await host.AdminAsync(admin => admin.ParkedAsync(CancellationToken.None));
        var view = Assert.Single(listed.Items);
        Assert.Equal((1, 1, ParkedMessageView.Parked, "ThingHappened"), (listed.Total, listed.Parked, view.Status, view.MessageType));

        Assert.Equal(1, (await host.AdminAsync(admin => admin.ReplayAsync(parked.Id, CancellationToken.None))).Replayed);

        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) == 1, Patience, "the replayed message to be handled");
        await Eventually.HoldsAsync(async () => await ParkedRowAsync(outbox.Id) is null, Patience, "the handled message to leave parked_messages");
        Assert.Equal(3 * AttemptsPerDelivery + 1, Probe.Attempts(outbox.Id));
        Assert.Equal(1, await InboxCountAsync(outbox.Id));
        Assert.Equal(4, Probe.Consumed(outbox.Id)); // each delivery ended settled: three parked, the replay handled
        await host.Redelivery.RedeliverDueAsync(CancellationToken.None);
        Assert.Equal(0, measured.Last("boards.messaging.parked_messages"));
    }

    [Fact]
    public async Task A_message_handled_on_its_first_redelivery_is_handled_once_and_leaves_no_row()
    {
        var host = await StartHostAsync(settings: Redeliveries);
        var (_, outbox) = await WriteChangeAsync(failTimes: AttemptsPerDelivery);

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await ParkedRowAsync(outbox.Id) is not null, Patience, "the failed message in parked_messages");
        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) == 1, Patience, "the redelivered message to be handled");
        await Eventually.HoldsAsync(async () => await ParkedRowAsync(outbox.Id) is null, Patience, "its row to go");
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second redelivery, if there were one
        Assert.Equal(AttemptsPerDelivery + 1, Probe.Attempts(outbox.Id));
        Assert.Equal(1, await InboxCountAsync(outbox.Id));
    }

    [Fact]
    public async Task Two_instances_of_a_service_redeliver_each_parked_message_once_per_interval()
    {
        // Two replicas on one database and one queue: both redelivery loops poll; each due row goes out once.
        var first = await StartHostAsync(settings: Redeliveries);
        await StartHostAsync(settings: Redeliveries);
        var (_, outbox) = await WriteChangeAsync(failTimes: int.MaxValue);

        Assert.Equal(1, await first.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => (await ParkedRowAsync(outbox.Id))?.ParkedAt is not null, Patience, "the message parked for good");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var parked = (await ParkedRowAsync(outbox.Id))!;
        Assert.Equal((3, 2), (parked.Failures, parked.Redeliveries));
        Assert.Equal(3 * AttemptsPerDelivery, Probe.Attempts(outbox.Id));
    }

    [Fact]
    public async Task When_the_database_cannot_keep_the_failure_the_message_lands_in_the_error_queue_never_acked_away()
    {
        var host = await StartHostAsync();
        await using (var db = Database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE parked_messages");
        }

        var (_, outbox) = await WriteChangeAsync(failTimes: int.MaxValue);
        var errorQueue = host.ConsumerQueue + "_error";

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () => await RabbitAdmin.InspectAsync(errorQueue) is { Messages: > 0 }, Patience, $"the failed message in {errorQueue}");
        Assert.Equal(AttemptsPerDelivery, Probe.Attempts(outbox.Id));
        var message = await RabbitAdmin.PeekAsync(errorQueue);
        Assert.Equal(outbox.Id.ToString(), message!.Value.MessageId);
        Assert.Contains(Probe.RunId, message.Value.Body, StringComparison.Ordinal);
        Assert.Equal(0, await HandledCountAsync(outbox.Id));
        Assert.Equal(0, await InboxCountAsync(outbox.Id));
    }

    [Fact]
    public async Task A_consumer_that_fails_once_is_retried_and_its_side_effect_is_recorded_once()
    {
        var host = await StartHostAsync();
        var (_, outbox) = await WriteChangeAsync(failTimes: 1);

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(() => Task.FromResult(Probe.Consumed(outbox.Id) == 1), Patience, "the retried delivery to succeed");
        Assert.Equal(2, Probe.Attempts(outbox.Id));
        Assert.Equal(1, await InboxCountAsync(outbox.Id));
        Assert.Equal(1, await HandledCountAsync(outbox.Id));
        var error = await RabbitAdmin.InspectAsync(host.ConsumerQueue + "_error");
        Assert.True(error is null or { Messages: 0 }, "A message that succeeded on retry must not also be in the error queue.");
        Assert.Null(await ParkedRowAsync(outbox.Id));
    }
}
