using Boards.BuildingBlocks.Outbox;
using Boards.Monitoring.Contracts.Events;


namespace Boards.Monitoring.Features.IndicatorsSignal;

/// <summary>Writes MunicipalityIndicatorsChanged to the outbox, to be saved with the transaction that writes it.</summary>
internal static class IndicatorsChangedSignal
{
    public static void SignalIndicatorsChanged(this MonitoringDbContext db, string municipalityCode, TimeProvider clock) =>
        db.AddToOutbox(new MunicipalityIndicatorsChanged
        {
            EventId = Guid.CreateVersion7(clock.GetUtcNow()),
            MunicipalityCode = municipalityCode,
            OccurredAt = clock.GetUtcNow(),
        }, clock);
}
