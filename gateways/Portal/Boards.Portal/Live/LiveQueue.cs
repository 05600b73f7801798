using Boards.BuildingBlocks.Messaging;
using Boards.Referrals.Contracts.Events;
using MassTransit;

namespace Boards.Portal.Live;

/// <summary>
/// This portal instance's queue of signals (<c>portal-live-{machine}-{random}</c>), there only while at least one page
/// holds a live stream open: the first stream connects it, and <c>Portal:LiveQueueIdleSeconds</c> (default 30) after
/// the last one closed it is stopped and the broker deletes it, so that events nobody looks at cost neither the broker a
/// delivery nor the portal a receive. Temporary (non-durable, auto-deleted), so every instance with open pages hears
/// every event and nothing piles up for an instance that is gone. Registered only when the portal has a broker.
/// </summary>
public sealed class LiveQueue : IAsyncDisposable
{
    public const string QueuePrefix = "portal-live";

    /// <summary>What the queue consumes: every referral event, new warnings, new figures and notifications.</summary>
    public static readonly IReadOnlyList<Type> Consumers =
    [
        typeof(ReferralSignalConsumer<ReferralRequested>),
        typeof(ReferralSignalConsumer<ReferralAccepted>),
        typeof(ReferralSignalConsumer<ReferralRejected>),
        typeof(ReferralSignalConsumer<ReferralStarted>),
        typeof(ReferralSignalConsumer<ReferralPutOnHold>),
        typeof(ReferralSignalConsumer<ReferralResumed>),
        typeof(ReferralSignalConsumer<ReferralCounterReferred>),
        typeof(ReferralSignalConsumer<ReferralCancelled>),
        typeof(ReferralSignalConsumer<ReferralOverdue>),
        typeof(WarningSignalConsumer),
        typeof(IndicatorsSignalConsumer),
        typeof(NotificationSignalConsumer),
    ];

    public LiveQueue(IReceiveEndpointConnector connector, TimeSpan idleTime, TimeProvider clock, ILogger<LiveQueue> logger)
    {
        Endpoint = new OnDemandReceiveEndpoint(connector, new OnDemandEndpointSettings
        {
            QueuePrefix = QueuePrefix,
            IdleTime = idleTime,
            // Each by name, for every connection: ConfigureConsumers would skip those an earlier connection configured.
            // Signals are hints: none is retried or kept.
            Configure = (context, endpoint) =>
            {
                foreach (var consumer in Consumers)
                {
                    context.ConfigureConsumer(consumer, endpoint);
                }
            },
        }, clock, logger);
    }

    public OnDemandReceiveEndpoint Endpoint { get; }

    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();
}
