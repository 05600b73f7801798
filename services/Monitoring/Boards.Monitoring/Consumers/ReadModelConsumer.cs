using Boards.BuildingBlocks.Inbox;
using Boards.Monitoring.Features.IndicatorsSignal;
using MassTransit;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Monitoring's one consumer, closed per event (<c>ReadModelConsumer&lt;ReferralRequested&gt;</c>, …; see
/// <see cref="ConsumerRegistration"/>). The inbox drops a message id seen before (nothing is written, nothing is
/// announced); otherwise the event's <see cref="IReadModelProjection{TEvent}"/> folds it into the read model and, when
/// that changed a row and the transaction committed, the municipality is noted for the next
/// MunicipalityIndicatorsChanged (<see cref="ChangedMunicipalities"/>). Old news (a version or time not newer than the
/// one held) changes nothing and announces nothing.
/// </summary>
public sealed class ReadModelConsumer<TEvent>(
    MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed, IReadModelProjection<TEvent> projection)
    : IdempotentConsumer<TEvent, MonitoringDbContext>(db, clock)
    where TEvent : class
{
    private string? _changedMunicipality;

    protected override string InboxName => InboxNames.Of<TEvent>();

    protected override async Task HandleAsync(TEvent message, ConsumeContext<TEvent> context) =>
        _changedMunicipality = await projection.ApplyAsync(Db, message, context.CancellationToken);

    protected override void AfterCommit()
    {
        if (_changedMunicipality is { } code)
        {
            changed.Note(code);
        }
    }
}
