namespace Boards.BuildingBlocks.Tests;

/// <summary>A message that can never be published is set aside, kept, and does not hold back the ones after it.</summary>
public sealed class OutboxDeadLetterTests : MessagingTest
{
    [Fact]
    public async Task An_unreadable_message_is_dead_lettered_and_the_next_one_is_still_published()
    {
        var host = await StartHostAsync(withConsumer: false);
        var (_, poisoned) = await WriteChangeAsync(sequence: 1);
        var (_, healthy) = await WriteChangeAsync(sequence: 2);
        await using (var db = Database.NewContext())
        {
            // A type that no longer exists, as after a contract was removed while its events were still queued.
            await db.Set<OutboxMessage>().Where(m => m.Id == poisoned.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.MessageType, "Boards.Gone.Removed, Boards.Gone"));
        }

        var published = await host.Relay.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(1, published);
        Assert.Equal([healthy.Id], Probe.Published.Select(p => p.MessageId));
        var dead = (await OutboxRowAsync(poisoned.Id))!;
        Assert.NotNull(dead.DeadLetteredAt);
        Assert.Null(dead.PublishedAt);
        Assert.Contains("Boards.Gone.Removed", dead.LastError);
        Assert.NotNull((await OutboxRowAsync(healthy.Id))!.PublishedAt);

        Assert.Equal(0, await host.Relay.PublishPendingAsync(CancellationToken.None));
    }
}
