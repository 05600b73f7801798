using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// Counts the round trips to one database that EF Core makes for a piece of work, from its diagnostic events: every
/// command, commit, rollback and savepoint is one (Npgsql sends BEGIN with the first command of a transaction). What a
/// test runs itself is counted inside <see cref="CountAsync"/>; a consumer's work from its inbox claim of a message id
/// (<see cref="Consumer"/>), or of a batch's ids (<see cref="Burst"/>), to the end of that transaction. Everything else
/// (other hosts, background passes) is ignored.
/// </summary>
public sealed class RoundTrips : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<Tally?> Measured = new();

    private static readonly HashSet<string> Ends =
        [RelationalEventId.TransactionCommitted.Name!, RelationalEventId.TransactionRolledBack.Name!, RelationalEventId.TransactionError.Name!];

    private static readonly string Disposed = RelationalEventId.TransactionDisposed.Name!;

    private static readonly HashSet<string> Trips =
    [
        RelationalEventId.CommandExecuted.Name!, RelationalEventId.CommandError.Name!,
        RelationalEventId.CreatedTransactionSavepoint.Name!, RelationalEventId.ReleasedTransactionSavepoint.Name!,
        RelationalEventId.RolledBackToTransactionSavepoint.Name!, .. Ends,
    ];

    private static readonly object Begun = new();
    private static readonly object Ended = new();


    private readonly string _database;
    private readonly IDisposable _allListeners;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<Guid, Tally> _messages = new();
    private readonly ConditionalWeakTable<DbContext, Unit> _consuming = new();
    private readonly ConditionalWeakTable<DbTransaction, object> _transactions = new();

    public RoundTrips(string database)
    {
        _database = database;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The round trips <paramref name="work"/> makes to the database, in this flow.</summary>
    public async Task<int> CountAsync(Func<Task> work)
    {
        var tally = new Tally([]);
        Measured.Value = tally;
        try
        {
            await work();
        }
        finally
        {
            Measured.Value = null;
        }

        return tally.Count;
    }

    /// <summary>The consumer's unit of work for this message id, once it has ended (see <see cref="Tally.Ended"/>).</summary>
    public Tally Consumer(Guid messageId) => _messages.GetOrAdd(messageId, _ => new Tally([messageId]));

    /// <summary>Every unit of work (a batch, or a message alone) that claims one of these message ids, until each has ended.</summary>
    public Tally Burst(IReadOnlyCollection<Guid> messageIds)
    {
        var tally = new Tally(messageIds);
        foreach (var id in messageIds)
        {
            _messages[id] = tally;
        }

        return tally;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            // Every event enabled: EF Core skips a command's events for a while once it sees nobody listens to "executing".
            _subscriptions.Add(listener.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if ((!Trips.Contains(value.Key) && value.Key != Disposed)
            || value.Value is not DbContextEventData { Context: { } context } data || context.Database.GetDbConnection().Database != _database)
        {
            return;
        }

        if (!IsRoundTrip(value.Key, data))
        {
            return;
        }

        if (Measured.Value is { } measured)
        {
            measured.Add();
            return;
        }

        if (data is CommandEventData command && ClaimedMessages(command.Command) is { } claimed
            && claimed.Select(id => _messages.GetValueOrDefault(id)).FirstOrDefault(tally => tally is not null) is { } claimant)
        {
            _consuming.AddOrUpdate(context, new Unit(claimant, claimed));
        }

        if (_consuming.TryGetValue(context, out var consuming))
        {
            consuming.Add();
            if (Ends.Contains(value.Key) || value.Key == Disposed)
            {
                _consuming.Remove(context);
                consuming.End();
            }
        }
    }

    /// <summary>
    /// A transaction disposed of without a commit or a rollback is rolled back by Npgsql: a round trip once BEGIN went
    /// out with a command. Every other event listened to is one.
    /// </summary>
    private bool IsRoundTrip(string name, DbContextEventData data)
    {
        switch (data)
        {
            // Npgsql reuses a connection's transaction object, so its state is set again by each transaction.
            case CommandEventData { Command.Transaction: { } transaction }:
                _transactions.AddOrUpdate(transaction, Begun);
                return true;
            case TransactionEventData { Transaction: { } transaction } when Ends.Contains(name):
                _transactions.AddOrUpdate(transaction, Ended);
                return true;
            case TransactionEventData { Transaction: { } transaction } when name == Disposed:
                var rolledBack = _transactions.TryGetValue(transaction, out var state) && state == Begun;
                _transactions.AddOrUpdate(transaction, Ended);
                return rolledBack;
            default:
                return name != Disposed;
        }
    }

    /// <summary>The ids an inbox claim takes: one message's (its first parameter), or a batch's (an array of them).</summary>
    private static Guid[]? ClaimedMessages(DbCommand command)
    {
        if (!command.CommandText.Contains("INSERT INTO inbox_messages", StringComparison.Ordinal))
        {
            return null;
        }

        var values = command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToList();
        return values.OfType<Guid[]>().FirstOrDefault() ?? (values.FirstOrDefault() is Guid id ? [id] : null);
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    /// <summary>The units of work that claimed some of a test's message ids, and their round trips.</summary>
    public sealed class Tally(IReadOnlyCollection<Guid> messageIds)
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HashSet<Guid> _waiting = [.. messageIds];
        private readonly Lock _gate = new();
        private int _count;
        private int _units;
        private int _messages;

        /// <summary>Round trips of all those units of work.</summary>
        public int Count => Volatile.Read(ref _count);

        /// <summary>Units of work (transactions) that ended.</summary>
        public int Units => Volatile.Read(ref _units);

        /// <summary>Message ids those units claimed: the test's, and any other that shared a batch with them.</summary>
        public int Messages => Volatile.Read(ref _messages);

        /// <summary>The round trips of each unit of work, in the order they ended.</summary>
        public ConcurrentQueue<(int RoundTrips, int Messages)> PerUnit { get; } = new();

        /// <summary>Completes when every message id was claimed in a transaction that has committed or rolled back.</summary>
        public Task Ended => _ended.Task;

        internal void Add() => Interlocked.Increment(ref _count);

        internal void End(int roundTrips, Guid[] claimed)
        {
            Interlocked.Increment(ref _units);
            Interlocked.Add(ref _messages, claimed.Length);
            PerUnit.Enqueue((roundTrips, claimed.Length));
            lock (_gate)
            {
                _waiting.ExceptWith(claimed);
                if (_waiting.Count == 0)
                {
                    _ended.TrySetResult();
                }
            }
        }
    }

    /// <summary>One transaction that claimed message ids of a tally.</summary>
    private sealed class Unit(Tally tally, Guid[] claimed)
    {
        private int _count;

        public void Add()
        {
            Interlocked.Increment(ref _count);
            tally.Add();
        }

        public void End() => tally.End(Volatile.Read(ref _count), claimed);
    }
}
