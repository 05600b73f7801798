using Boards.Notifications.Features.Common;
using System.Globalization;
using Boards.Notifications.Features.Announce;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Reminders;

/// <summary>
/// One pass over the dated things people must hear about before the date, by the Paraguay calendar: session agreements
/// about to fall due, and service days tomorrow. Each is announced once per date (the key names it); the rows are locked
/// for the pass.
/// </summary>
public sealed class RemindersSweep(NotificationsDbContext db, Announcer announcer, Names names, IOptions<ReminderOptions> options, TimeProvider clock)
    : IPeriodicPass
{
    private const int Batch = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ParaguayTime.ToLocal(clock.GetUtcNow()).DateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agreements = await db.TrackedAgreements
            .FromSql($"""
                SELECT * FROM tracked_agreements
                WHERE "Status" IN ('pending', 'in_progress') AND "DueOn" <= {today.AddDays(options.Value.AgreementDaysBefore)}
                  AND ("RemindedFor" IS NULL OR "RemindedFor" <> "DueOn")
                ORDER BY "DueOn" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var agreement in agreements.Where(a => a.TakeReminder(today, options.Value.AgreementDaysBefore)))
        {
            await AgreementDueAsync(agreement, today, ct);
            reminded++;
        }

        var days = await db.TrackedServiceDays
            .FromSql($"""
                SELECT * FROM tracked_service_days
                WHERE "Status" IN ('planned', 'confirmed') AND "Date" = {today.AddDays(1)}
                  AND ("RemindedFor" IS NULL OR "RemindedFor" <> "Date")
                LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        foreach (var day in days.Where(d => d.TakeReminder(today)))
        {
            await ServiceDayTomorrowAsync(day, ct);
            reminded++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return reminded;
    }

    private async Task ServiceDayTomorrowAsync(TrackedServiceDay day, CancellationToken ct)
    {
        var where = await names.MunicipalityAsync(day.MunicipalityCode, ct);
        var status = day.Status == "confirmed" ? "confirmada" : "planificada, todavía sin confirmar";
        await announcer.AnnounceAsync($"serviceday:{day.ServiceDayId}:{day.Date:yyyy-MM-dd}:tomorrow", NotificationKinds.ServiceDayTomorrow,
            Audience.FocalPoint(day.MunicipalityCode),
            new Message(
                $"Mañana hay jornada de servicios en {where}",
                $"La jornada de servicios de {where} en {day.Locality} es mañana, {day.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ({status}).",
                $"/jornadas/dia/{day.ServiceDayId}"),
            day.MunicipalityCode, ct);
    }

    private async Task AgreementDueAsync(TrackedAgreement agreement, DateOnly today, CancellationToken ct)
    {
        var where = await names.MunicipalityAsync(agreement.MunicipalityCode, ct);
        var institution = names.Institution(agreement.ResponsibleInstitution);
        var due = agreement.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var when = agreement.DueOn < today ? $"venció el {due}" : agreement.DueOn == today ? "vence hoy" : $"vence el {due}";
        var status = agreement.Status == "in_progress" ? "en curso" : "pendiente";
        var message = new Message(
            $"Acuerdo de la mesa de {where} por vencer",
            $"Un acuerdo de sesión de la mesa de {where}, a cargo de {institution}, {when} y sigue {status}.",
            $"/mesa/{agreement.MunicipalityCode}/sesiones/{agreement.SessionId}");
        var key = $"agreement:{agreement.AgreementId}:{agreement.DueOn:yyyy-MM-dd}";
        await announcer.AnnounceAsync(key + ":focal_point", NotificationKinds.AgreementDue,
            Audience.FocalPoint(agreement.MunicipalityCode), message, agreement.MunicipalityCode, ct);
        await announcer.AnnounceAsync(key + ":officers", NotificationKinds.AgreementDue,
            Audience.Officers(agreement.ResponsibleInstitution, agreement.MunicipalityCode), message, agreement.MunicipalityCode, ct);
    }
}
