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
/// (<see cref="Consumer"/>) to the end of that transaction. Everything else (other hosts, background passes) is ignored.
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
    private readonly ConditionalWeakTable<DbContext, Tally> _consuming = new();
    private readonly ConditionalWeakTable<DbTransaction, object> _transactions = new();

    public RoundTrips(string database)
    {
        _database = database;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The round trips <paramref name="work"/> makes to the database, in this flow.</summary>
    public async Task<int> CountAsync(Func<Task> work)
    {
        var tally = new Tally();
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
    public Tally Consumer(Guid messageId) => _messages.GetOrAdd(messageId, _ => new Tally());

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

        if (data is CommandEventData command && ClaimedMessage(command.Command) is { } messageId && _messages.TryGetValue(messageId, out var claimed))
        {
            _consuming.AddOrUpdate(context, claimed);
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

    private static Guid? ClaimedMessage(DbCommand command) =>
        command.CommandText.Contains("INSERT INTO inbox_messages", StringComparison.Ordinal) && command.Parameters.Count > 0
            && command.Parameters[0].Value is Guid id
            ? id
            : null;

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

    public sealed class Tally
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Completes when the consumer's transaction has committed or rolled back.</summary>
        public Task Ended => _ended.Task;

        internal void Add() => Interlocked.Increment(ref _count);

        internal void End() => _ended.TrySetResult();
    }
}
