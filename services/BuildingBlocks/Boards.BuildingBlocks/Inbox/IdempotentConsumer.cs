using MassTransit;

namespace Boards.BuildingBlocks.Inbox;

/// <summary>
/// Handles each message id once per consumer. The inbox row and the handler's changes commit in one transaction,
/// so a redelivered message is dropped, and a failed one leaves no trace and is retried.
/// A consumer is known in the inbox by its <see cref="InboxName"/>, written out rather than taken from the class name:
/// renaming a class must not make the inbox forget which messages it handled (and handle them again).
/// <see cref="IdempotentBatchConsumer{TMessage,TDbContext}"/> handles messages in batches and falls back to this path.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    // The inbox row goes in first: one statement both checks and claims the message id. A second delivery of the same
    // id, handled at the same moment, waits on the key until this transaction ends, then finds it taken and is dropped.
    private const string ClaimSql = """
        INSERT INTO inbox_messages ("MessageId", "Consumer", "ProcessedAt") VALUES ({0}, {1}, {2})
        ON CONFLICT ("MessageId", "Consumer") DO NOTHING
        """;

    protected TDbContext Db { get; } = db;

    /// <summary>The message alone, in a transaction of its own.</summary>
    public virtual async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
                        ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = InboxName;
        var kept = Db as IWritesAtCommit;
        kept?.DiscardKeptWrites();

        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        var claimed = await Db.Database.ExecuteSqlRawAsync(ClaimSql, [messageId, consumer, clock.GetUtcNow()], context.CancellationToken);
        if (claimed == 0)
        {
            return;
        }

        // Any failure fails the whole transaction (and the message is retried), so saves need no savepoints: each one
        // would cost two round trips. A handler step that must survive its own failure asks for one (TryInsert).
        // The setting is put back: contexts are pooled.
        var savepoints = Db.Database.AutoSavepointsEnabled;
        Db.Database.AutoSavepointsEnabled = false;
        try
        {
            await HandleAsync(context.Message, context);
            await Db.SaveChangesAsync(context.CancellationToken);
            if (kept is not null)
            {
                await kept.WriteKeptAsync(context.CancellationToken);
            }
        }
        finally
        {
            Db.Database.AutoSavepointsEnabled = savepoints;
            kept?.DiscardKeptWrites();
        }

        await transaction.CommitAsync(context.CancellationToken);
        AfterCommit();
    }

    /// <summary>
    /// The consumer's key in inbox_messages. Never change it for a consumer already deployed: messages it has handled would be
    /// handled again. Existing consumers keep the class name they had when the name was first written.
    /// </summary>
    protected abstract string InboxName { get; }

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    /// <summary>Runs once the handler's changes and the inbox row are committed (not for a duplicate, not after a failure).</summary>
    protected virtual void AfterCommit()
    {
    }
}
