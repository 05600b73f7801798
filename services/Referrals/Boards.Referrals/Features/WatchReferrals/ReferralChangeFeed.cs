using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Boards.Referrals.Features.WatchReferrals;

/// <summary>
/// In-process fan-out of committed referral changes to open WatchReferrals streams. Each watcher has a bounded buffer;
/// a watcher too slow to keep up loses the oldest changes rather than slowing writers down. One caller may hold a
/// bounded number of streams (per replica).
/// </summary>
public sealed class ReferralChangeFeed
{
    private readonly ConcurrentDictionary<Guid, Channel<Referral>> _watchers = new();
    private readonly ConcurrentDictionary<string, int> _streamsByCaller = new(StringComparer.Ordinal);

    public void Publish(Referral referral)
    {
        foreach (var watcher in _watchers.Values)
        {
            watcher.Writer.TryWrite(referral);
        }
    }

    /// <summary>A new stream for <paramref name="caller"/>; null when the caller already holds <paramref name="maxPerCaller"/>.</summary>
    public Subscription? Subscribe(string caller, int maxPerCaller)
    {
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

    private void Release(string caller)
    {
        if (_streamsByCaller.AddOrUpdate(caller, 0, (_, count) => count - 1) <= 0)
        {
            _streamsByCaller.TryRemove(new KeyValuePair<string, int>(caller, 0));
        }
    }

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
