using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Outbox;

/// <summary>Hands one outbox message to the broker; returns once the broker confirmed it.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(OutboxMessage message, object payload, Type type, CancellationToken cancellationToken);

    /// <summary>
    /// Returns once the broker confirmed a publish that no one receives (<see cref="OutboxRelayProbe"/>); throws when
    /// it cannot. Tells a message the broker refuses from a broker that is down.
    /// </summary>
    Task ProbeBrokerAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Published only to learn whether the broker answers. Its exchange has no queue bound, so the broker confirms and
/// drops it.
/// </summary>
public sealed record OutboxRelayProbe(DateTimeOffset At);

/// <summary>Publishes through MassTransit with the row id as MessageId, continuing the trace of the request that wrote it.</summary>
public sealed class BusOutboxPublisher(IBus bus, IOptions<OutboxOptions> options, TimeProvider clock) : IOutboxPublisher
{
    private static readonly ActivitySource Source = new("Boards.Outbox");

    public async Task PublishAsync(OutboxMessage message, object payload, Type type, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(payload, type, Pipe.Execute<PublishContext>(context => context.MessageId = message.Id), timeout.Token);
    }

    public async Task ProbeBrokerAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(new OutboxRelayProbe(clock.GetUtcNow()), timeout.Token);
    }
}
