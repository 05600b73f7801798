using System.Collections.Concurrent;
using System.Threading.Channels;
using Boards.Referrals.Domain;

namespace Boards.Referrals.Features.WatchReferrals;

/// <summary>
/// In-process fan-out of committed referral changes to open WatchReferrals streams. Each watcher has a bounded buffer;
/// a watcher too slow to keep up loses the oldest changes rather than slowing writers down.
/// </summary>
public sealed class ReferralChangeFeed
{
    private readonly ConcurrentDictionary<Guid, Channel<Referral>> _watchers = new();

    public void Publish(Referral referral)
    {
        foreach (var watcher in _watchers.Values)
        {
            watcher.Writer.TryWrite(referral);
        }
    }

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<Referral>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        _watchers[id] = channel;
        return new Subscription(channel.Reader, () => _watchers.TryRemove(id, out _));
    }

    public sealed class Subscription(ChannelReader<Referral> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<Referral> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
