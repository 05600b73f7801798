using Boards.BuildingBlocks.Api.Limits;
using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Outbox;
using Boards.ServiceDays.Contracts.Events;
using Boards.ServiceDays.Data;
using Boards.ServiceDays.Domain;
using Boards.ServiceDays.Features.Common;
using Boards.ServiceDays.Features.Days;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.ServiceDays.Features.Report;

public sealed record SubmitReportCommand
{
    [MaxText(ServiceDaysLimits.ReportNotes)]
    public string? Notes { get; init; }
    /// <summary>The version of the day the caller reviewed (optional).</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>
/// The closing report: held → reported, figures frozen on the day, and ServiceDayHeld written to the outbox in the same
/// SaveChanges. Submitting again on a reported day is a correction: ReportVersion grows and the event is published again.
/// </summary>
public sealed class DayReports(ServiceDaysDbContext db, TimeProvider clock)
{
    public const int MaxNotesLength = ServiceDaysLimits.ReportNotes;

    public async Task<(ServiceDay Day, DayFigures Figures)> SubmitAsync(Guid dayId, SubmitReportCommand command, Caller caller, CancellationToken ct)
    {
        // The day's row is locked first: batches being written finish before the figures are counted, later ones wait
        // and then see the day reported.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ServiceDayLocks.LockAsync(db, dayId, exclusive: true, ct);
        var day = await ServiceDayPlanner.LoadAsync(db, dayId, tracking: true, ct);
        ServiceDayAccess.EnsureCanManage(caller, day.MunicipalityCode);
        var notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
        if (notes?.Length > MaxNotesLength)
        {
            throw ValidationFailedException.For("notes", $"Las notas del informe tienen hasta {MaxNotesLength} caracteres.");
        }

        ServiceDayPlanner.EnsureVersion(day, command.ExpectedVersion);
        ServiceDayPlanner.EnsureCanMove(day, ServiceDayStatus.Reported);

        var figures = await DayFigures.ComputeAsync(db, dayId, ct);
        var now = clock.GetUtcNow();
        day.Status = ServiceDayStatus.Reported;
        day.ReportVersion++;
        day.ReportedAt = now;
        day.ReportedBy = caller.DisplayName;
        day.ReportNotes = notes;
        day.ReportedPeopleServed = figures.PeopleServed;
        day.ReportedReferralsMade = figures.ReferralsSent;
        day.Version++;
        day.UpdatedAt = now;
        day.UpdatedBy = caller.DisplayName;
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
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("La jornada cambió mientras tanto: vuelva a leerla e intente de nuevo.");
        }

        return (day, figures);
    }
}
