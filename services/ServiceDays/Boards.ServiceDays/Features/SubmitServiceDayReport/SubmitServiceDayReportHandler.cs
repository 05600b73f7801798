using Boards.BuildingBlocks.Outbox;
using Boards.ServiceDays.Contracts.Events;

namespace Boards.ServiceDays.Features.SubmitServiceDayReport;

/// <summary>
/// The closing report (POST /api/service-days/{id}/report): held → reported, figures frozen on the day, and
/// ServiceDayHeld and ServiceDayScheduled written to the outbox in the same SaveChanges. Submitting again on a reported day is a correction:
/// ReportVersion grows and both events are published again.
/// </summary>
public sealed class SubmitServiceDayReportHandler(ServiceDaysDbContext db, TimeProvider clock)
{
    public async Task<ServiceDayResult> HandleAsync(Guid dayId, SubmitReportCommand command, Caller caller, CancellationToken ct)
    {
        // The day's row is locked first: batches being written finish before the figures are counted, later ones wait
        // and then see the day reported.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ServiceDayLocks.LockAsync(db, dayId, exclusive: true, ct);
        var day = await ServiceDayStore.LoadManagedAsync(db, dayId, caller, ct);

        var figures = await DayFigures.ComputeAsync(db, dayId, ct);
        var now = clock.GetUtcNow();
        day.Report(command.Notes, figures.PeopleServed, figures.ReferralsSent, command.ExpectedVersion, caller.DisplayName, now);
        db.AddToOutbox(new ServiceDayHeld
        {
            ServiceDayId = day.Id,
            MunicipalityCode = day.MunicipalityCode,
            Locality = day.Locality,
            Date = day.Date,
            PeopleServed = figures.PeopleServed,
            ExpectedAttendance = day.ExpectedAttendance,
            ServicesDelivered = figures.ServicesDelivered,
            ReferralsMade = figures.ReferralsSent,
            ReportVersion = day.ReportVersion,
            ReportedAt = now,
            OccurredAt = now,
        }, clock);
        ServiceDayEvents.AddScheduledToOutbox(db, day, clock);
        await ServiceDayStore.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return new ServiceDayResult(day, figures);
    }
}
