using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Boards.Referrals.Features.WatchReferrals;

/// <summary>
/// Fans referral changes out to this replica's open WatchReferrals streams. It is fed from the bus
/// (<c>Consumers/ReferralChangeConsumer</c>), so a watcher sees the changes of every replica. Each watcher has a bounded
/// buffer; a watcher too slow to keep up loses the oldest changes rather than slowing the feed down. One caller may hold
/// a bounded number of streams (per replica).
/// </summary>
/// <remarks>
/// The feed is live while this replica's watch queue is consuming (<c>Consumers/ReferralWatchQueue</c>, connected only
/// while someone watches). When the queue stops (the broker is lost, the queue was deleted, the replica shuts down, or
/// nobody watched for a while), events published meanwhile may never reach this replica, so every open stream ends with
/// <see cref="LiveChangesUnavailableException"/> and its client resumes with <c>since</c>, which replays from the
/// database. While the feed is not live, no stream is opened.
/// </remarks>
public sealed class ReferralChangeFeed
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Guid, Channel<Referral>> _watchers = new();
    private readonly ConcurrentDictionary<string, int> _streamsByCaller = new(StringComparer.Ordinal);
    private TaskCompletionSource _live = NewLatch();

    public bool HasWatchers => !_watchers.IsEmpty;

    public bool IsLive
    {
        get
        {
            lock (_gate)
            {
                return _live.Task.IsCompleted;
            }
        }
    }

    public void Publish(Referral referral)
    {
        foreach (var watcher in _watchers.Values)
        {
            watcher.Writer.TryWrite(referral);
        }
    }

    /// <summary>The watch queue consumes: from now on every published change reaches this replica.</summary>
    public void Connected()
    {
        lock (_gate)
        {
            _live.TrySetResult();
        }
    }

    /// <summary>The watch queue stopped consuming: not live until it is again, and every open stream ends.</summary>
    public void Disconnected()
    {
        lock (_gate)
        {
            if (_live.Task.IsCompleted)
            {
                _live = NewLatch();
            }

            EndAllLocked();
        }
    }

    /// <summary>Ends every open stream (a change could not be delivered); the feed stays live for new ones.</summary>
    public void EndAll()
    {
        lock (_gate)
        {
            EndAllLocked();
        }
    }

    /// <summary>Waits at most <paramref name="patience"/> for the feed to be live; false if it is not by then.</summary>
    public async Task<bool> WaitUntilLiveAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        Task live;
        lock (_gate)
        {
            live = _live.Task;
        }

        try
        {
            await live.WaitAsync(patience, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// A new stream for <paramref name="caller"/>; null when the caller already holds <paramref name="maxPerCaller"/>.
    /// Throws <see cref="LiveChangesUnavailableException"/> when the feed is not live.
    /// </summary>
    public Subscription? Subscribe(string caller, int maxPerCaller)
    {
        lock (_gate)
        {
            if (!_live.Task.IsCompleted)
            {
                throw new LiveChangesUnavailableException();
            }

            var held = _streamsByCaller.AddOrUpdate(caller, 1, (_, count) => count + 1);
            if (held > maxPerCaller)
            {
                Release(caller);
                return null;
            }

            var id = Guid.NewGuid();
            var channel = Channel.CreateBounded<Referral>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
            _watchers[id] = channel;
            return new Subscription(channel.Reader, () =>
            {
                _watchers.TryRemove(id, out _);
                Release(caller);
            });
        }
    }

    private void EndAllLocked()
    {
        foreach (var id in _watchers.Keys)
        {
            if (_watchers.TryRemove(id, out var channel))
            {
                channel.Writer.TryComplete(new LiveChangesUnavailableException());
            }
        }
    }

    private void Release(string caller)
    {
        if (_streamsByCaller.AddOrUpdate(caller, 0, (_, count) => count - 1) <= 0)
        {
            _streamsByCaller.TryRemove(new KeyValuePair<string, int>(caller, 0));
        }
    }

    private static TaskCompletionSource NewLatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed class Subscription(ChannelReader<Referral> reader, Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public ChannelReader<Referral> Reader { get; } = reader;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}

/// <summary>
/// This replica does not receive the changes from the bus right now (or could not read one): a stream is not opened, or
/// ends, rather than silently missing changes. The client reconnects in a moment with <c>since</c>.
/// </summary>
public sealed class LiveChangesUnavailableException()
    : Exception("Los cambios en vivo no están disponibles en este momento: vuelva a conectarse en unos segundos, con since un minuto antes del at del último cambio recibido.");
