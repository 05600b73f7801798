namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// ARCHITECTURE.md: an event is written to the outbox in the same transaction as the change; a relay publishes it
/// and retries until the broker confirms; consumers drop duplicates. Broker down, relay crash, duplicate delivery.
/// </summary>
public sealed class OutboxRelayTests : MessagingTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_the_broker_down_nothing_is_published_the_event_waits_and_the_change_is_kept_then_it_is_delivered_once()
    {
        var down = await StartHostAsync(TestSettings.UnreachableRabbitMq, withConsumer: false);
        var (thing, outbox) = await WriteChangeAsync();

        var published = await down.Relay.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(0, published);
        var pending = await OutboxRowAsync(outbox.Id);
        Assert.NotNull(pending);
        Assert.Null(pending.PublishedAt);
        Assert.Equal(1, pending.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(pending.LastError));
        await using (var db = Database.NewContext())
        {
            Assert.True(await db.Things.AnyAsync(t => t.Id == thing.Id), "The business change must be committed even though the broker is down.");
        }

        Assert.Equal(0, await down.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(2, (await OutboxRowAsync(outbox.Id))!.Attempts);
        await down.DisposeAsync();

        // The broker is back: a relay running as the service runs it delivers the waiting event.
        await StartHostAsync(relayRunsInBackground: true);
        await Eventually.HoldsAsync(async () => await HandledCountAsync(outbox.Id) > 0, Patience, "the consumer to handle the waiting event");
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(outbox.Id))!.PublishedAt is not null, Patience, "the relay to mark the event published");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a duplicate to show up, if there were one

        Assert.Equal(1, await HandledCountAsync(outbox.Id));
        Assert.Equal(1, await InboxCountAsync(outbox.Id));
        Assert.Equal(1, Probe.Consumed(outbox.Id));
        Assert.Null((await OutboxRowAsync(outbox.Id))!.LastError);
    }

    [Fact]
    public async Task A_relay_that_crashed_after_publishing_publishes_again_and_the_consumer_handles_the_event_once()
    {
        var host = await StartHostAsync();
        var (_, outbox) = await WriteChangeAsync();

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        await using (var db = Database.NewContext())
        {
            // The crash: the relay published, but its "published" mark never committed.
            await db.Set<OutboxMessage>().Where(m => m.Id == outbox.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.PublishedAt, (DateTimeOffset?)null));
        }

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        Assert.Equal([outbox.Id, outbox.Id], Probe.Published.Select(p => p.MessageId));
        await Eventually.HoldsAsync(() => Task.FromResult(Probe.Consumed(outbox.Id) == 2), Patience, "both deliveries to be consumed");
        Assert.Equal(1, await HandledCountAsync(outbox.Id));
        Assert.Equal(1, await InboxCountAsync(outbox.Id));
        Assert.NotNull((await OutboxRowAsync(outbox.Id))!.PublishedAt);
    }

    [Fact]
    public async Task The_same_event_delivered_five_times_in_a_burst_is_handled_once()
    {
        var host = await StartHostAsync();
        var (_, outbox) = await WriteChangeAsync();

        // Five publishes back to back: the endpoint consumes them concurrently, so the inbox claims race each other.
        for (var delivery = 0; delivery < 5; delivery++)
        {
            await using (var db = Database.NewContext())
            {
                await db.Set<OutboxMessage>().Where(m => m.Id == outbox.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.PublishedAt, (DateTimeOffset?)null));
            }

            Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(Probe.Consumed(outbox.Id) >= 5), Patience, "all five deliveries to be consumed");
        Assert.Equal(1, await HandledCountAsync(outbox.Id));
        Assert.Equal(1, await InboxCountAsync(outbox.Id));
    }

    [Fact]
    public async Task A_change_rolled_back_leaves_no_outbox_row_and_nothing_is_published()
    {
        var host = await StartHostAsync(withConsumer: false);

        await using (var db = Database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var thing = new Thing { Name = "rolled-back" };
            db.Things.Add(thing);
            db.AddToOutbox(new ThingHappened { ThingId = thing.Id, RunId = Probe.RunId });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var db = Database.NewContext())
        {
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync());
            Assert.Equal(0, await db.Things.CountAsync());
        }

        Assert.Equal(0, await host.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Empty(Probe.Published);
    }

    [Fact]
    public async Task A_change_that_fails_to_save_takes_its_event_with_it()
    {
        await using (var db = Database.NewContext())
        {
            db.Things.Add(new Thing { Name = "unique-name" });
            await db.SaveChangesAsync();
        }

        await using (var db = Database.NewContext())
        {
            var duplicate = new Thing { Name = "unique-name" };
            db.Things.Add(duplicate);
            db.AddToOutbox(new ThingHappened { ThingId = duplicate.Id, RunId = Probe.RunId });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = Database.NewContext())
        {
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync());
            Assert.Equal(1, await db.Things.CountAsync());
        }
    }

    [Fact]
    public async Task Events_are_published_batch_by_batch_oldest_first_each_once()
    {
        var host = await StartHostAsync(batchSize: 7);
        for (var sequence = 1; sequence <= 20; sequence++)
        {
            await WriteChangeAsync(sequence);
        }

        List<Guid> idOrder;
        await using (var db = Database.NewContext())
        {
            idOrder = await db.Set<OutboxMessage>().OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(); // PostgreSQL's uuid order, as the relay sorts
        }

        var batches = new List<int>();
        int published;
        do
        {
            published = await host.Relay.PublishPendingAsync(CancellationToken.None);
            batches.Add(published);
            var publishedSoFar = batches.Sum();
            Assert.Equal(idOrder.Take(publishedSoFar).ToHashSet(), (await PublishedIdsAsync()).ToHashSet());
        }
        while (published > 0);

        Assert.Equal([7, 7, 6, 0], batches);
        Assert.Equal(idOrder.ToHashSet(), Probe.Published.Select(p => p.MessageId).ToHashSet());
        Assert.Equal(20, Probe.Published.Count);
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = Database.NewContext();
            return await db.HandledThings.CountAsync() == 20;
        }, Patience, "all 20 events to be handled");
    }

    [Fact]
    public async Task While_the_broker_is_down_only_the_oldest_event_is_tried_and_the_rest_wait_untried()
    {
        var down = await StartHostAsync(TestSettings.UnreachableRabbitMq, withConsumer: false);
        await WriteChangeAsync(1);
        await WriteChangeAsync(2);
        await WriteChangeAsync(3);

        Assert.Equal(0, await down.Relay.PublishPendingAsync(CancellationToken.None));

        await using var db = Database.NewContext();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([1, 0, 0], rows.Select(r => r.Attempts));
        Assert.All(rows, row => Assert.Null(row.PublishedAt));
    }

    [Fact]
    public async Task An_event_refused_inside_a_batch_stays_pending_while_the_rest_are_published_and_goes_out_on_the_next_pass()
    {
        var host = await StartHostAsync();
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            await WriteChangeAsync(sequence);
        }

        Guid refused;
        await using (var db = Database.NewContext())
        {
            // The third oldest, not the oldest: the oldest is published alone first and would stop the pass.
            refused = await db.Set<OutboxMessage>().OrderBy(m => m.Id).Skip(2).Select(m => m.Id).FirstAsync();
        }

        host.Publisher.Refused[refused] = true;

        Assert.Equal(4, await host.Relay.PublishPendingAsync(CancellationToken.None));

        var row = await OutboxRowAsync(refused);
        Assert.Null(row!.PublishedAt);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("refused", row.LastError);
        Assert.Equal(4, (await PublishedIdsAsync()).Count);
        Assert.DoesNotContain(refused, Probe.Published.Select(p => p.MessageId));

        host.Publisher.Refused.Clear();
        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(0, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(async () =>
        {
            await using var db = Database.NewContext();
            return await db.HandledThings.CountAsync() == 5;
        }, Patience, "all 5 events to be handled");
        Assert.Equal(1, await HandledCountAsync(refused));
        Assert.Null((await OutboxRowAsync(refused))!.LastError);
    }

    private async Task<List<Guid>> PublishedIdsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Set<OutboxMessage>().Where(m => m.PublishedAt != null).Select(m => m.Id).ToListAsync();
    }
}
