using System.Collections.Concurrent;
using MassTransit;

namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>
/// Watches the real bus for one test run: what the relay published (in order), every delivery a consumer finished,
/// and how many times the consumer was called per message.
/// </summary>
public sealed class Probe(string runId) : IConsumeObserver, IPublishObserver
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    private readonly ConcurrentQueue<Guid> _consumed = new();
    private readonly ConcurrentQueue<(Guid MessageId, int Sequence)> _published = new();
    private readonly ConcurrentQueue<Guid> _watched = new();
    private readonly ConcurrentDictionary<Guid, byte> _healed = new();

    public string RunId { get; } = runId;

    public IReadOnlyList<(Guid MessageId, int Sequence)> Published => _published.ToArray();

    public int Attempts(Guid messageId) => _attempts.GetValueOrDefault(messageId);

    /// <summary>Deliveries of <paramref name="messageId"/> that the consumer pipeline completed (handled or dropped as a duplicate).</summary>
    public int Consumed(Guid messageId) => _consumed.Count(id => id == messageId);

    public int RecordAttempt(Guid messageId) => _attempts.AddOrUpdate(messageId, 1, (_, count) => count + 1);

    /// <summary>The cause of the message's failures is fixed: from now on it no longer fails (an operator's replay then works).</summary>
    public void Heal(Guid messageId) => _healed.TryAdd(messageId, 0);

    public bool IsHealed(Guid messageId) => _healed.ContainsKey(messageId);

    /// <summary>Deliveries of <paramref name="messageId"/> to <see cref="ThingWatcher"/>, on a replica's temporary queue.</summary>
    public int Watched(Guid messageId) => _watched.Count(id => id == messageId);

    public void RecordWatched(Guid messageId) => _watched.Enqueue(messageId);

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context)
    {
        if (context.Message is ThingHappened thing && thing.RunId == RunId && context.MessageId is { } id)
        {
            _consumed.Enqueue(id);
        }

        return Task.CompletedTask;
    }

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

    Task IPublishObserver.PrePublish<T>(PublishContext<T> context) => Task.CompletedTask;

    Task IPublishObserver.PostPublish<T>(PublishContext<T> context)
    {
        if (context.Message is ThingHappened thing && thing.RunId == RunId && context.MessageId is { } id)
        {
            _published.Enqueue((id, thing.Sequence));
        }

        return Task.CompletedTask;
    }

    Task IPublishObserver.PublishFault<T>(PublishContext<T> context, Exception exception) => Task.CompletedTask;
}
