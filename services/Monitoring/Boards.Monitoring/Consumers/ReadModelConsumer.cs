using Boards.BuildingBlocks.Inbox;
using Boards.Monitoring.Data;
using Boards.Monitoring.Features.IndicatorsSignal;
using MassTransit;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Every Monitoring consumer: the inbox drops a message id seen before (nothing is written, nothing is announced);
/// otherwise the consumer folds the message into the read model and, when that changed a row and the transaction
/// committed, notes the municipality for the next MunicipalityIndicatorsChanged (<see cref="ChangedMunicipalities"/>).
/// Old news (a version or time not newer than the one held) changes nothing and announces nothing.
/// </summary>
public abstract class ReadModelConsumer<TMessage>(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : IdempotentConsumer<TMessage, MonitoringDbContext>(db, clock)
    where TMessage : class
{
    private string? _changedMunicipality;

    protected sealed override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context) =>
        _changedMunicipality = await ApplyAsync(message, context);

    protected sealed override void AfterCommit()
    {
        if (_changedMunicipality is { } code)
        {
            changed.Note(code);
        }
    }

    /// <summary>Folds the message into the read model; returns the code of the municipality whose rows changed, or null when nothing changed.</summary>
    protected abstract Task<string?> ApplyAsync(TMessage message, ConsumeContext<TMessage> context);
}
