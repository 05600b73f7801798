using Boards.BuildingBlocks.Inbox;
using Boards.Monitoring.Data;
using MassTransit;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Every Monitoring consumer: the inbox drops a message id seen before (nothing is written, nothing is published);
/// otherwise the consumer folds the message into the read model and, when that changed a row, MunicipalityIndicatorsChanged
/// for the municipality goes to the outbox in the same transaction. Old news (a version or time not newer than the one
/// held) changes nothing and announces nothing.
/// </summary>
public abstract class ReadModelConsumer<TMessage>(MonitoringDbContext db, TimeProvider clock)
    : IdempotentConsumer<TMessage, MonitoringDbContext>(db, clock)
    where TMessage : class
{
    private readonly TimeProvider _clock = clock;

    protected sealed override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        if (await ApplyAsync(message, context) is { } changedMunicipality)
        {
            Db.SignalIndicatorsChanged(changedMunicipality, _clock);
        }
    }

    /// <summary>Folds the message into the read model; returns the code of the municipality whose rows changed, or null when nothing changed.</summary>
    protected abstract Task<string?> ApplyAsync(TMessage message, ConsumeContext<TMessage> context);
}
