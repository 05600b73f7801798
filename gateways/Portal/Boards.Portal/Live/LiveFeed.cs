using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Boards.Portal.Live;

/// <summary>
/// Fans signals from the bus out to the open pages of this portal instance. Each open page is one subscription with
/// a small bounded channel: a page that does not keep up loses signals, not memory (one signal is enough to refresh).
/// </summary>
public sealed class LiveFeed
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    public int Count => _subscriptions.Count;

    public Subscription Subscribe(Func<LiveSignal, bool> wants)
    {
        var subscription = new Subscription(this, wants);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public void Publish(LiveSignal signal)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.Wants(signal))
            {
                subscription.Writer.TryWrite(signal);
            }
        }
    }

    public sealed class Subscription : IDisposable
    {
        private readonly LiveFeed _feed;
        private readonly Channel<LiveSignal> _channel = Channel.CreateBounded<LiveSignal>(
            new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        internal Subscription(LiveFeed feed, Func<LiveSignal, bool> wants)
        {
            _feed = feed;
            Wants = wants;
        }

        public Guid Id { get; } = Guid.NewGuid();
        internal Func<LiveSignal, bool> Wants { get; }
        internal ChannelWriter<LiveSignal> Writer => _channel.Writer;
        public ChannelReader<LiveSignal> Reader => _channel.Reader;

        public void Dispose() => _feed._subscriptions.TryRemove(Id, out _);
    }
}
