using MassTransit;

namespace Boards.BuildingBlocks.Inbox;

/// <summary>
/// An <see cref="IdempotentConsumer{TMessage,TDbContext}"/> whose messages are handled in batches: the message joins the
/// service's next batch (<see cref="InboxBatches{TDbContext}"/>), one transaction with the other messages being consumed
/// at that moment. The guarantees are the inbox's: each message id is handled once, and <see cref="IdempotentConsumer{TMessage,TDbContext}.AfterCommit"/>
/// runs only after the commit. When a batch of several fails, this message is handled alone at once, in a transaction
/// of its own, as IdempotentConsumer handles it: if it is the one that broke the batch, it fails alone, its retries in
/// place handle it alone again, and the parking filter sets it aside alone (docs/messaging.md, "Batches"); the rest of
/// the batch is not held back. A batch of this message alone that fails is its own failure, retried and parked as today. The handler writes only through the context it is given (the batch's, or in the alone path this consumer's
/// own <c>Db</c>), and keeps its own outcome in fields, which <c>AfterCommit</c> reads.
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock, InboxBatches<TDbContext> batches)
    : IdempotentConsumer<TMessage, TDbContext>(db, clock)
    where TMessage : class
    where TDbContext : DbContext
{
    public override async Task Consume(ConsumeContext<TMessage> context)
    {
        // A retry in place follows a failure of this message alone: it stays alone until it is handled or set aside.
        if (context.GetRetryAttempt() == 0 && context.MessageId is { } messageId)
        {
            var message = context.Message;
            var outcome = await batches
                .HandleAsync(
                    messageId,
                    InboxName,
                    (batchDb, cancellationToken) => HandleAsync(batchDb, message, messageId, cancellationToken),
                    batchDb => Prepare(batchDb, message))
                .WaitAsync(context.CancellationToken);
            switch (outcome)
            {
                case BatchOutcome.Handled:
                    AfterCommit();
                    return;
                case BatchOutcome.HandledBefore:
                    return;
            }
        }

        await base.Consume(context);
    }

    protected sealed override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        Prepare(Db, message);
        return HandleAsync(Db, message, context.MessageId!.Value, context.CancellationToken);
    }

    /// <summary>
    /// Notes on <paramref name="db"/> what the handler of <paramref name="message"/> will look up, before the first
    /// handler of its batch runs (alone: just before its own), so that one query can serve the whole batch. Nothing is
    /// read or written here. Whatever is noted lives on the context until its transaction ends (<see cref="IWritesAtCommit"/>).
    /// </summary>
    protected virtual void Prepare(TDbContext db, TMessage message)
    {
    }

    /// <summary>Handles the message through <paramref name="db"/>, inside the transaction that holds its inbox row.</summary>
    protected abstract Task HandleAsync(TDbContext db, TMessage message, Guid messageId, CancellationToken cancellationToken);
}
