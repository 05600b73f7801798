using Boards.BuildingBlocks.Inbox;
using Boards.Monitoring.Contracts.Events;
using Boards.Notifications.Features.Announce;
using MassTransit;

namespace Boards.Notifications.Consumers;

/// <summary>An early warning for a municipality: its focal point hears the rule and the evidence (figures, no people).</summary>
public sealed class EarlyWarningRaisedConsumer(NotificationsDbContext db, TimeProvider clock, Announcer announcer, Names names)
    : IdempotentConsumer<EarlyWarningRaised, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "EarlyWarningRaisedConsumer";

    protected override async Task HandleAsync(EarlyWarningRaised message, ConsumeContext<EarlyWarningRaised> context)
    {
        var where = await names.MunicipalityAsync(message.MunicipalityCode, context.CancellationToken);
        await announcer.AnnounceAsync($"warning:{message.WarningId}", NotificationKinds.EarlyWarning,
            Audience.FocalPoint(message.MunicipalityCode),
            new Message($"Alerta temprana en {where}: {message.RuleTitle}", message.Evidence, $"/mesa/{message.MunicipalityCode}"),
            message.MunicipalityCode, context.CancellationToken);
    }
}
