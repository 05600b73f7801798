using Boards.Referrals.Contracts.Events;
using Boards.ServiceDefaults.Health;
using MassTransit;

namespace Boards.Portal.Live;

/// <summary>
/// Live updates (docs/portal.md, "Live updates"): the portal listens to the services' events on RabbitMQ and tells
/// the open pages concerned to fetch themselves again. Without a broker the pages still work; they only stop updating
/// by themselves, so the portal stays healthy.
/// </summary>
public static class LiveUpdatesExtensions
{
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveFeed>();
        var connectionString = builder.Configuration.GetConnectionString("rabbitmq");
        if (connectionString is null)
        {
            return builder;
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<ReferralSignalConsumer<ReferralRequested>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralAccepted>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralRejected>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralStarted>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralPutOnHold>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralResumed>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralCounterReferred>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralCancelled>>();
            bus.AddConsumer<ReferralSignalConsumer<ReferralOverdue>>();
            bus.AddConsumer<WarningSignalConsumer>();
            bus.AddConsumer<IndicatorsSignalConsumer>();
            bus.AddConsumer<NotificationSignalConsumer>();
            // A broker outage stops live updates only: its check is kept out of readiness (/health/broker shows it).
            bus.ConfigureHealthCheckOptions(health => health.Tags.Add(HealthExtensions.BrokerTag));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // One auto-deleted queue per portal instance: every instance hears every signal, and nothing piles up
                // for an instance that is gone. Signals are hints, so none is retried or kept.
                rabbit.ReceiveEndpoint(new TemporaryEndpointDefinition("portal-live"), endpoint => endpoint.ConfigureConsumers(context));
            });
        });
        return builder;
    }
}
