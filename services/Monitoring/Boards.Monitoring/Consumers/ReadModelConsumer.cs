using Boards.BuildingBlocks.Inbox;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Monitoring's one consumer, closed per event (<c>ReadModelConsumer&lt;ReferralRequested&gt;</c>, …; see
/// <see cref="ConsumerRegistration"/>). The inbox drops a message id seen before (nothing is written, nothing is
/// announced); otherwise the event's <see cref="IReadModelProjection{TEvent}"/> folds it into the read model and, when
/// that changed a row and the transaction committed, the municipality is noted for the next
/// MunicipalityIndicatorsChanged (<see cref="ChangedMunicipalities"/>). Old news (a version or time not newer than the
/// one held) changes nothing and announces nothing. Events are handled in batches: the events of every type being consumed
/// at the same moment share one transaction (<see cref="IdempotentBatchConsumer{TMessage,TDbContext}"/>), and the totals
/// they move are written once per municipality at its end.
/// </summary>
public sealed class ReadModelConsumer<TEvent>(
    MonitoringDbContext db,
    TimeProvider clock,
    InboxBatches<MonitoringDbContext> batches,
    ChangedMunicipalities changed,
    IReadModelProjection<TEvent> projection)
    : IdempotentBatchConsumer<TEvent, MonitoringDbContext>(db, clock, batches)
    where TEvent : class
{
    private string? _changedMunicipality;

    protected override string InboxName => InboxNames.Of<TEvent>();

    protected override async Task HandleAsync(MonitoringDbContext db, TEvent message, Guid messageId, CancellationToken cancellationToken) =>
        _changedMunicipality = await projection.ApplyAsync(db, message, cancellationToken);

    protected override void AfterCommit()
    {
        if (_changedMunicipality is { } code)
        {
            changed.Note(code);
        }
    }
}
