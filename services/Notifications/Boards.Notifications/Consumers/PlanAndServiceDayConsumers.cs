using Boards.BuildingBlocks.Inbox;
using Boards.Notifications.Features.Announce;
using Boards.Planning.Contracts.Events;
using Boards.ServiceDays.Contracts.Events;
using MassTransit;

namespace Boards.Notifications.Consumers;

/// <summary>
/// A plan action fell (or is) overdue: the responsible institution's officers in that municipality hear it once per end
/// date. Planning's own sweep publishes the overdue event, so nothing here needs a clock.
/// </summary>
public sealed class PlanActionProgressedConsumer(NotificationsDbContext db, TimeProvider clock, Announcer announcer, Names names)
    : IdempotentConsumer<PlanActionProgressed, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "PlanActionProgressedConsumer";

    protected override async Task HandleAsync(PlanActionProgressed message, ConsumeContext<PlanActionProgressed> context)
    {
        if (!message.Overdue || message.ResponsibleInstitution.Length == 0 || message.Status is "done" or "cancelled")
        {
            return;
        }

        var ct = context.CancellationToken;
        var where = await names.MunicipalityAsync(message.MunicipalityCode, ct);
        // The action's title is the board's free text: it stays in the portal, behind the link.
        var text = new Message(
            $"Acción del PAT vencida en {where}",
            $"Una acción del plan de acción territorial {message.Year} de {where}, a cargo de {names.Institution(message.ResponsibleInstitution)}, " +
            $"terminaba el {message.EndsOn:dd/MM/yyyy} y no está terminada ({message.Progress:0} % de avance).",
            $"/pat/{message.MunicipalityCode}/accion/{message.ActionId}");
        await announcer.AnnounceAsync($"planaction:{message.ActionId}:{message.EndsOn:yyyy-MM-dd}:overdue", NotificationKinds.PlanActionOverdue,
            Audience.Officers(message.ResponsibleInstitution, message.MunicipalityCode), text, message.MunicipalityCode, ct);
    }
}

/// <summary>A service day was planned or changed: followed, to tell the board the day before.</summary>
public sealed class ServiceDayScheduledConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<ServiceDayScheduled, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "ServiceDayScheduledConsumer";

    protected override async Task HandleAsync(ServiceDayScheduled message, ConsumeContext<ServiceDayScheduled> context)
    {
        var day = await Db.TrackedServiceDays.FindAsync([message.ServiceDayId], context.CancellationToken);
        if (day is null)
        {
            day = TrackedServiceDay.Track(message.ServiceDayId);
            Db.TrackedServiceDays.Add(day);
        }

        day.Scheduled(message.Version, message.MunicipalityCode, message.Locality, message.Date, message.Status);
    }
}
