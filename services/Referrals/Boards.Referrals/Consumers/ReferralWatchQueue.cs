using Boards.BuildingBlocks.Messaging;
using Boards.Referrals.Features.WatchReferrals;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Consumers;

/// <summary>
/// This replica's own queue for <see cref="ReferralChangeConsumer"/>, there only while someone on the replica watches:
/// the first WatchReferrals stream connects it, and <see cref="ReferralsOptions.WatchQueueIdleTime"/> after the last one
/// ended it is stopped and the broker deletes it, so that a referral event nobody watches costs neither the broker a
/// delivery nor the replica a receive. It is temporary (non-durable, auto-deleted, a name no other process has:
/// <c>referrals-watch-{machine}-{random}</c>, new for each connection), so every replica that has watchers gets its copy
/// of every referral change and a stopped replica leaves nothing behind. The feed is live while it consumes.
/// </summary>
public sealed class ReferralWatchQueue : IAsyncDisposable
{
    public const string QueuePrefix = "referrals-watch";

    public ReferralWatchQueue(
        IReceiveEndpointConnector connector, ReferralChangeFeed feed, IOptions<ReferralsOptions> options, TimeProvider clock, ILogger<ReferralWatchQueue> logger)
    {
        Endpoint = new OnDemandReceiveEndpoint(connector, new OnDemandEndpointSettings
        {
            QueuePrefix = QueuePrefix,
            IdleTime = options.Value.WatchQueueIdleTime,
            // One at a time: the watchers get the changes in the order the bus brought them.
            ConcurrentMessageLimit = 1,
            Configure = (context, endpoint) =>
            {
                endpoint.ConfigureConsumer<ReferralChangeConsumer>(context);
                // A change that could not be relayed has already ended the streams (they resume with since): nothing to keep.
                endpoint.DiscardFaultedMessages();
            },
            Consuming = feed.Connected,
            NotConsuming = feed.Disconnected,
        }, clock, logger);
    }

    public OnDemandReceiveEndpoint Endpoint { get; }

    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();
}
