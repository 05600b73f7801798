using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Boards.BuildingBlocks.Inbox;

/// <summary>
/// Handles each message id once per consumer. The inbox row and the handler's changes commit in one transaction,
/// so a redelivered message is dropped, and a failed one leaves no trace and is retried.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
                        ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().Name;

        await using var transaction = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        var seen = await Db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen)
        {
            return;
        }

        await HandleAsync(context.Message, context);
        Db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });

        // The last save needs no savepoint of its own: if it fails, the whole transaction goes. Two round trips less.
        // The setting is put back: contexts are pooled, and a handler's own saves may rely on savepoints.
        var savepoints = Db.Database.AutoSavepointsEnabled;
        Db.Database.AutoSavepointsEnabled = false;
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        finally
        {
            Db.Database.AutoSavepointsEnabled = savepoints;
        }

        await transaction.CommitAsync(context.CancellationToken);
        AfterCommit();
    }

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    /// <summary>Runs once the handler's changes and the inbox row are committed (not for a duplicate, not after a failure).</summary>
    protected virtual void AfterCommit()
    {
    }
}
