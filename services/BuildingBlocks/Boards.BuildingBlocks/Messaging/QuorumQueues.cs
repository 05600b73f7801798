using MassTransit;
using MassTransit.RabbitMqTransport.Configuration;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// With <c>Messaging:QueueType</c> <c>quorum</c>, makes every durable receive endpoint's queue a quorum queue, replicated
/// on the cluster's nodes (docs/messaging.md, "Queue types"). It looks at each endpoint once it is fully configured, so
/// it sees what the endpoint's definition decided: a temporary queue (non-durable, auto-deleted, each replica's own, as
/// WatchReferrals' and the bus's own) stays classic, since a quorum queue can be none of these. The endpoint's
/// <c>_error</c> and <c>_skipped</c> queues copy its queue arguments, so they are quorum queues too.
/// </summary>
internal sealed class QuorumQueues(int? replicationFactor) : IEndpointConfigurationObserver
{
    public void EndpointConfigured<T>(T configurator)
        where T : IReceiveEndpointConfigurator
    {
        if (configurator is IRabbitMqReceiveEndpointConfiguration { Settings: { Durable: true, AutoDelete: false, Exclusive: false } }
            && configurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue(replicationFactor);
        }
    }
}
