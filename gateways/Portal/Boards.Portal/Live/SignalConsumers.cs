using Boards.Monitoring.Contracts.Events;
using Boards.Notifications.Contracts.Events;
using Boards.Referrals.Contracts.Events;
using MassTransit;

namespace Boards.Portal.Live;

/// <summary>Any referral event: the inboxes of both sides (municipalities and institutions) and the ministry's.</summary>
public sealed class ReferralSignalConsumer<TEvent>(LiveFeed feed) : IConsumer<TEvent>
    where TEvent : ReferralEvent
{
    public Task Consume(ConsumeContext<TEvent> context)
    {
        var e = context.Message;
        feed.Publish(new LiveSignal(LiveTopics.Referrals,
            [e.MunicipalityCode, e.DestinationMunicipalityCode], [e.OriginInstitution, e.DestinationInstitution]));
        return Task.CompletedTask;
    }
}

/// <summary>A new early warning: the warnings list, and the national table that counts them.</summary>
public sealed class WarningSignalConsumer(LiveFeed feed) : IConsumer<EarlyWarningRaised>
{
    public Task Consume(ConsumeContext<EarlyWarningRaised> context)
    {
        feed.Publish(new LiveSignal(LiveTopics.Warnings, [context.Message.MunicipalityCode], []));
        return Task.CompletedTask;
    }
}

/// <summary>Monitoring updated a municipality's figures: the national table and that municipality's drill-down.</summary>
public sealed class IndicatorsSignalConsumer(LiveFeed feed) : IConsumer<MunicipalityIndicatorsChanged>
{
    public Task Consume(ConsumeContext<MunicipalityIndicatorsChanged> context)
    {
        feed.Publish(new LiveSignal(LiveTopics.Municipalities, [context.Message.MunicipalityCode], []));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A notification was created for a person, or they read some: that person's open pages fetch the bell's count (and
/// the notification list) again. The events carry whom, never the text.
/// </summary>
public sealed class NotificationSignalConsumer(LiveFeed feed) : IConsumer<NotificationCreated>, IConsumer<NotificationsRead>
{
    public Task Consume(ConsumeContext<NotificationCreated> context) => Tell(context.Message.RecipientSubject);

    public Task Consume(ConsumeContext<NotificationsRead> context) => Tell(context.Message.RecipientSubject);

    private Task Tell(string subject)
    {
        feed.Publish(new LiveSignal(LiveTopics.Notifications, [], []) { Subjects = [subject] });
        return Task.CompletedTask;
    }
}
