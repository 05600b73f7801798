using System.Collections.Concurrent;

namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>
/// The real publisher, except that the messages a test names are refused as a broker nack would refuse them.
/// Lets a test make one message of a batch fail while the rest really go to RabbitMQ.
/// </summary>
public sealed class RefusingPublisher(BusOutboxPublisher inner) : IOutboxPublisher
{
    public ConcurrentDictionary<Guid, bool> Refused { get; } = new();

    public Task PublishAsync(OutboxMessage message, object payload, Type type, CancellationToken cancellationToken) =>
        Refused.ContainsKey(message.Id)
            ? Task.FromException(new InvalidOperationException($"The broker refused message {message.Id} (test)."))
            : inner.PublishAsync(message, payload, type, cancellationToken);

    public Task ProbeBrokerAsync(CancellationToken cancellationToken) => inner.ProbeBrokerAsync(cancellationToken);
}
