using Boards.BuildingBlocks.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// InboxBatches driven directly, on the real database: what arrives while a batch waits becomes one transaction with one
/// inbox claim; a copy of an id in the same batch, or an id handled before, is dropped without running its handler; every
/// claimed message is prepared before the first handler runs; a batch of several that fails leaves no trace and tells
/// each message to go alone; a batch of one fails with its message's own exception.
/// </summary>
public sealed class InboxBatchesTests : MessagingTest
{
    private const string Consumer = "InboxBatchesTests";

    private static readonly Dictionary<string, string?> Batching = new() { ["Messaging:BatchDelay"] = "00:00:00.050" };

    [Fact]
    public async Task Messages_that_arrive_together_share_one_transaction_and_a_copy_in_the_same_batch_is_dropped()
    {
        var batches = await BatchesAsync();
        var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var calls = new List<Guid>();

        var outcomes = await Task.WhenAll(new[] { a, a, b, a, c }.Select(id => batches.HandleAsync(id, Consumer, Record(id, calls))));

        Assert.Equal(
            [BatchOutcome.Handled, BatchOutcome.HandledBefore, BatchOutcome.Handled, BatchOutcome.HandledBefore, BatchOutcome.Handled],
            outcomes);
        Assert.Equal([a, b, c], calls);
        Assert.Equal(1, await TransactionsAsync([a, b, c]));
        foreach (var id in new[] { a, b, c })
        {
            Assert.Equal((1, 1), (await HandledCountAsync(id), await InboxCountAsync(id)));
        }
    }

    [Fact]
    public async Task Every_claimed_message_is_prepared_before_the_first_handler_and_a_dropped_copy_is_not()
    {
        var batches = await BatchesAsync();
        var (before, a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        Assert.Equal(BatchOutcome.Handled, await batches.HandleAsync(before, Consumer, (_, _) => Task.CompletedTask));
        var steps = new List<string>();

        var outcomes = await Task.WhenAll(new[] { a, before, b, a }.Select(id => batches.HandleAsync(
            id,
            Consumer,
            (db, _) =>
            {
                steps.Add($"handle {Name(id)} after {db.HandledThings.Local.Count} prepared");
                return Task.CompletedTask;
            },
            db =>
            {
                steps.Add($"prepare {Name(id)}");
                db.HandledThings.Add(new HandledThing { MessageId = id, ThingId = Guid.CreateVersion7() }); // what the batch's handlers see
            })));

        Assert.Equal([BatchOutcome.Handled, BatchOutcome.HandledBefore, BatchOutcome.Handled, BatchOutcome.HandledBefore], outcomes);
        Assert.Equal(["prepare a", "prepare b", "handle a after 2 prepared", "handle b after 2 prepared"], steps);
        Assert.Equal(1, await TransactionsAsync([a, b]));

        string Name(Guid id) => id == a ? "a" : id == b ? "b" : "before";
    }

    [Fact]
    public async Task An_id_handled_before_is_dropped_without_running_its_handler()
    {
        var batches = await BatchesAsync();
        var (before, fresh) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var calls = new List<Guid>();
        Assert.Equal(BatchOutcome.Handled, await batches.HandleAsync(before, Consumer, Record(before, calls)));

        var outcomes = await Task.WhenAll(
            batches.HandleAsync(before, Consumer, Record(before, calls)),
            batches.HandleAsync(fresh, Consumer, Record(fresh, calls)),
            batches.HandleAsync(before, "AnotherConsumer", Record(before, calls)));

        Assert.Equal([BatchOutcome.HandledBefore, BatchOutcome.Handled, BatchOutcome.Handled], outcomes);
        Assert.Equal([before, fresh, before], calls); // the same id under another consumer's name is that consumer's
        Assert.Equal(2, await InboxCountAsync(before));
    }

    [Fact]
    public async Task A_batch_of_several_that_fails_leaves_no_trace_and_sends_each_message_alone()
    {
        var batches = await BatchesAsync();
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToList();
        var calls = new List<Guid>();

        var outcomes = await Task.WhenAll(ids.Select((id, i) => batches.HandleAsync(id, Consumer, i == 2 ? Fail : Record(id, calls))));

        Assert.All(outcomes, outcome => Assert.Equal(BatchOutcome.Failed, outcome));
        Assert.Equal([ids[0], ids[1]], calls); // the handlers after the failing one never ran
        foreach (var id in ids)
        {
            Assert.Equal((0, 0), (await HandledCountAsync(id), await InboxCountAsync(id)));
        }
    }

    [Fact]
    public async Task A_batch_of_one_that_fails_fails_with_its_messages_exception()
    {
        var batches = await BatchesAsync();
        var id = Guid.CreateVersion7();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => batches.HandleAsync(id, Consumer, Fail));

        Assert.Equal("Simulated failure.", failure.Message);
        Assert.Equal(0, await InboxCountAsync(id));
    }

    private async Task<InboxBatches<TestDbContext>> BatchesAsync()
    {
        var host = await StartHostAsync(withConsumer: false, settings: Batching);
        return host.Services.GetRequiredService<InboxBatches<TestDbContext>>();
    }

    private static Func<TestDbContext, CancellationToken, Task> Record(Guid messageId, List<Guid> calls) => (db, _) =>
    {
        calls.Add(messageId); // handlers of one batch run one after another
        db.HandledThings.Add(new HandledThing { MessageId = messageId, ThingId = Guid.CreateVersion7() });
        return Task.CompletedTask;
    };

    private static Task Fail(TestDbContext db, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Simulated failure.");

    private async Task<int> TransactionsAsync(Guid[] messageIds)
    {
        await using var db = Database.NewContext();
        return await db.Database
            .SqlQuery<int>($"""SELECT count(DISTINCT xmin::text)::int AS "Value" FROM inbox_messages WHERE "MessageId" = ANY({messageIds})""")
            .SingleAsync();
    }
}
