using System.Collections.Concurrent;

namespace Boards.BuildingBlocks.Outbox;

/// <summary>
/// One <see cref="OutboxSignal"/> per database: in a host with several modules each relay is woken by its own
/// module's commits only (a signal wakes one waiter).
/// </summary>
public sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<Type, OutboxSignal> _signals = new();

    public OutboxSignal For<TDbContext>()
        where TDbContext : DbContext =>
        _signals.GetOrAdd(typeof(TDbContext), _ => new OutboxSignal());
}
