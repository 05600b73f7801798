namespace Boards.BuildingBlocks.Inbox;

/// <summary>
/// A service's DbContext whose consumers keep some writes until the end of their transaction
/// (<see cref="IdempotentConsumer{TMessage,TDbContext}"/>, <see cref="InboxBatches{TDbContext}"/>): what several messages
/// of one batch change in the same row is written once, and those rows are locked in one order in every transaction,
/// so two replicas' batches cannot deadlock on them. A context may keep other things its handlers share for the length
/// of one transaction (what <see cref="IdempotentBatchConsumer{TMessage,TDbContext}.Prepare"/> noted, what was looked
/// up): the same two calls forget them.
/// </summary>
public interface IWritesAtCommit
{
    /// <summary>Forgets what was kept: called when a consumer's transaction starts and when it ends, committed or not.</summary>
    void DiscardKeptWrites();

    /// <summary>Writes what was kept: after the handlers' changes are saved, before the commit.</summary>
    Task WriteKeptAsync(CancellationToken cancellationToken);
}
