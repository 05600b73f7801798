using System.Diagnostics;
using Boards.BuildingBlocks.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Boards.BuildingBlocks.Inbox;

/// <summary>What became of a message handed to <see cref="InboxBatches{TDbContext}"/>.</summary>
public enum BatchOutcome
{
    /// <summary>Claimed in the inbox and handled; the batch committed.</summary>
    Handled,

    /// <summary>Its id was handled before (or by an earlier copy in the same batch): dropped, nothing written for it.</summary>
    HandledBefore,

    /// <summary>The batch (of several messages) failed and left no trace: the consumer handles the message alone.</summary>
    Failed,
}

/// <summary>
/// Group commit for a service's batch consumers (<see cref="IdempotentBatchConsumer{TMessage,TDbContext}"/>): the
/// messages they are handling at the same moment go into one transaction. One statement claims every message id in the
/// inbox, each claimed message is prepared (what its handler will look up is noted, so the first handler can look it up
/// for all), their handlers run one after another in arrival order, the writes they kept run once
/// (<see cref="IWritesAtCommit"/>), and one commit ends it. A batch starts when the one before it ends, or
/// <see cref="MessagingOptions.BatchDelay"/> after its first message when none was running: at low load a message waits
/// that long at most; under load the messages that arrive while a batch runs make the next one. One batch runs at a time
/// per service instance. A batch that fails leaves no trace, and each of its messages is then handled alone by its
/// consumer, so a message that breaks a batch is retried and parked alone (docs/messaging.md, "Batches").
/// </summary>
public sealed partial class InboxBatches<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    TimeProvider clock,
    ILogger<InboxBatches<TDbContext>> logger)
    where TDbContext : DbContext
{
    private static readonly ActivitySource Source = new("Boards.Messaging");

    // Rows in key order: two batches that share ids take their keys in the same order and cannot deadlock on them. A
    // second transaction claiming an id this one holds waits for it to end, then finds it taken, as a single claim does.
    private const string ClaimSql = """
        INSERT INTO inbox_messages ("MessageId", "Consumer", "ProcessedAt")
        SELECT m.id, m.consumer, @now FROM unnest(@ids, @consumers) AS m(id, consumer) ORDER BY m.id, m.consumer
        ON CONFLICT ("MessageId", "Consumer") DO NOTHING
        RETURNING "MessageId", "Consumer"
        """;

    private readonly Lock _gate = new();
    private readonly List<Entry> _waiting = [];
    private bool _running;

    /// <summary>
    /// Handles the message in the next batch: <paramref name="handle"/> writes through the batch's context, in its
    /// transaction, and must not touch anything else of the caller's. <paramref name="prepare"/>, when given, runs once the
    /// message is claimed and before the first handler of the batch: it notes on the batch's context what the handler
    /// will look up, so that the batch can look it up for all its messages at once. The task ends once the batch
    /// committed or failed; it fails with the batch's exception when the message was alone in it (a second attempt alone
    /// would be the same).
    /// </summary>
    public Task<BatchOutcome> HandleAsync(
        Guid messageId, string consumer, Func<TDbContext, CancellationToken, Task> handle, Action<TDbContext>? prepare = null)
    {
        var entry = new Entry(messageId, consumer, handle, prepare, Activity.Current?.Context ?? default);
        bool start;
        lock (_gate)
        {
            _waiting.Add(entry);
            start = !_running;
            _running = true;
        }

        if (start)
        {
            // Not under this message's trace: the batches that follow belong to other messages too.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(RunAsync);
            }
        }

        return entry.Outcome.Task;
    }

    private async Task RunAsync()
    {
        try
        {
            var delay = options.Value.BatchDelay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock);
            }

            while (TakeBatch() is { } batch)
            {
                await HandleBatchAsync(batch);
            }
        }
        catch (Exception exception)
        {
            // Not expected (a batch's own failures end in its outcomes): whatever waits is sent alone, and the next
            // message starts a new run, rather than every consumer waiting for a run that ended.
            List<Entry> waiting;
            lock (_gate)
            {
                waiting = [.. _waiting];
                _waiting.Clear();
                _running = false;
            }

            LogBatchFailed(logger, waiting.Count, $"{exception.GetType().Name}: {exception.Message}");
            foreach (var entry in waiting)
            {
                entry.Outcome.TrySetResult(BatchOutcome.Failed);
            }
        }
    }

    private List<Entry>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _running = false;
                return null;
            }

            var count = Math.Min(_waiting.Count, options.Value.BatchSize);
            var batch = _waiting.GetRange(0, count);
            _waiting.RemoveRange(0, count);
            return batch;
        }
    }

    /// <summary>Never throws: every entry ends with an outcome, or the consumers waiting for them would wait forever.</summary>
    private async Task HandleBatchAsync(List<Entry> batch)
    {
        Activity? activity = null;
        try
        {
            activity = Source.StartActivity(
                ActivityKind.Internal,
                batch[0].Trace,
                links: batch.Skip(1).Where(e => e.Trace != default).Select(e => new ActivityLink(e.Trace)),
                name: "inbox batch");
            activity?.SetTag("boards.batch.messages", batch.Count);
            // Disposed at the end of this block, after the outcomes: committed is committed, whatever the disposal does.
            await using var scope = scopes.CreateAsyncScope();
            await HandleInTransactionAsync(scope.ServiceProvider.GetRequiredService<TDbContext>(), batch);
            foreach (var entry in batch)
            {
                entry.Outcome.TrySetResult(entry.Claimed ? BatchOutcome.Handled : BatchOutcome.HandledBefore);
            }

            metrics.BatchCommitted(batch.Count);
        }
        catch (Exception exception) when (batch.Count == 1)
        {
            // A batch of one is the message's own transaction, as IdempotentConsumer runs it: its failure is the message's.
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            batch[0].Outcome.TrySetException(exception);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            foreach (var entry in batch)
            {
                entry.Outcome.TrySetResult(BatchOutcome.Failed);
            }

            metrics.BatchFailed();
            LogBatchFailed(logger, batch.Count, $"{exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private async Task HandleInTransactionAsync(TDbContext db, List<Entry> batch)
    {
        var kept = db as IWritesAtCommit;
        kept?.DiscardKeptWrites();
        // As in IdempotentConsumer: a failure fails the whole batch, so saves need no savepoints (put back: pooled context).
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var claimed = await ClaimAsync(db, batch);
            // Only the first copy of a claimed id is handled; a second copy in the same batch is dropped with it.
            var handled = new List<Entry>(batch.Count);
            foreach (var entry in batch)
            {
                if (claimed.Remove((entry.MessageId, entry.Consumer)))
                {
                    entry.Claimed = true;
                    handled.Add(entry);
                }
            }

            // Every handler's look-ups are known before the first runs: the first can make them for the whole batch.
            foreach (var entry in handled)
            {
                entry.Prepare?.Invoke(db);
            }

            foreach (var entry in handled)
            {
                await entry.Handle(db, CancellationToken.None);
            }

            await db.SaveChangesAsync();
            if (kept is not null)
            {
                await kept.WriteKeptAsync(CancellationToken.None);
            }

            await transaction.CommitAsync();
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
            kept?.DiscardKeptWrites();
        }
    }

    private async Task<HashSet<(Guid, string)>> ClaimAsync(TDbContext db, List<Entry> batch)
    {
        var keys = batch.Select(e => (e.MessageId, e.Consumer)).Distinct().ToArray();
        var rows = await db.Database.SqlQueryRaw<ClaimedRow>(
                ClaimSql,
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() },
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = keys.Select(k => k.MessageId).ToArray() },
                new NpgsqlParameter("consumers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.Consumer).ToArray() })
            .ToListAsync();
        return rows.Select(r => (r.MessageId, r.Consumer)).ToHashSet();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} messages failed and left no trace; each is handled alone now: {Reason}")]
    private static partial void LogBatchFailed(ILogger logger, int count, string reason);

    private sealed class Entry(
        Guid messageId, string consumer, Func<TDbContext, CancellationToken, Task> handle, Action<TDbContext>? prepare, ActivityContext trace)
    {
        public Guid MessageId { get; } = messageId;
        public string Consumer { get; } = consumer;
        public Func<TDbContext, CancellationToken, Task> Handle { get; } = handle;
        public Action<TDbContext>? Prepare { get; } = prepare;
        public ActivityContext Trace { get; } = trace;
        public bool Claimed { get; set; }

        // Consumers go on on their own threads, not on the one that runs the next batch.
        public TaskCompletionSource<BatchOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ClaimedRow
    {
        public Guid MessageId { get; init; }
        public string Consumer { get; init; } = "";
    }
}
