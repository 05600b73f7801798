namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// The relay is woken only when new outbox messages become visible. A wake-up on every save would let the relay's own
/// "published" marks wake it again, spinning without end.
/// </summary>
public sealed class OutboxSignalTests : IAsyncLifetime
{
    private static readonly TimeSpan Briefly = TimeSpan.FromMilliseconds(300);
    private readonly TestDatabase _database = new();
    private readonly OutboxSignal _signal = new();

    public async Task InitializeAsync() => await _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_save_without_new_outbox_messages_does_not_wake_the_relay()
    {
        await using var db = NewContext();
        db.Things.Add(new Thing { Name = "sin evento" });
        await db.SaveChangesAsync();

        Assert.False(await _signal.WaitAsync(Briefly, CancellationToken.None));
    }

    [Fact]
    public async Task A_save_with_a_new_outbox_message_wakes_the_relay_once()
    {
        await using var db = NewContext();
        db.Things.Add(new Thing { Name = "con evento" });
        var message = db.AddToOutbox(new ThingHappened { ThingId = Guid.NewGuid(), RunId = "signal", Sequence = 1 });
        await db.SaveChangesAsync();
        Assert.True(await _signal.WaitAsync(Briefly, CancellationToken.None));

        // What the relay does next (mark it published) must not wake it again.
        message.PublishedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        Assert.False(await _signal.WaitAsync(Briefly, CancellationToken.None));
    }

    [Fact]
    public async Task Inside_a_transaction_the_relay_is_woken_at_commit_and_not_after_a_rollback()
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddToOutbox(new ThingHappened { ThingId = Guid.NewGuid(), RunId = "signal", Sequence = 2 });
            await db.SaveChangesAsync();
            Assert.False(await _signal.WaitAsync(Briefly, CancellationToken.None));
            await transaction.CommitAsync();
            Assert.True(await _signal.WaitAsync(Briefly, CancellationToken.None));
        }

        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddToOutbox(new ThingHappened { ThingId = Guid.NewGuid(), RunId = "signal", Sequence = 3 });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            Assert.False(await _signal.WaitAsync(Briefly, CancellationToken.None));
        }
    }

    private TestDbContext NewContext() => new(new DbContextOptionsBuilder<TestDbContext>()
        .UseNpgsql(_database.ConnectionString)
        .AddInterceptors(new OutboxSignalInterceptor(_signal))
        .Options);
}
