using Boards.ServiceDefaults.Health;
using MassTransit;

namespace Boards.Portal.Live;

/// <summary>
/// Live updates (docs/portal.md, "Live updates"): while pages are open, the portal listens to the services' events on
/// RabbitMQ (<see cref="LiveQueue"/>) and tells the open pages concerned to fetch themselves again. Without a broker the
/// pages still work; they only stop updating by themselves, so the portal stays healthy.
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
            foreach (var consumer in LiveQueue.Consumers)
            {
                bus.AddConsumer(consumer);
            }

            // A broker outage stops live updates only: its check is kept out of readiness (/health/broker shows it).
            bus.ConfigureHealthCheckOptions(health => health.Tags.Add(HealthExtensions.BrokerTag));
            // No receive endpoint here: LiveQueue connects one while a page listens.
            bus.UsingRabbitMq((_, rabbit) => rabbit.Host(new Uri(connectionString)));
        });
        var idleTime = TimeSpan.FromSeconds(builder.Configuration.GetValue("Portal:LiveQueueIdleSeconds", 30.0));
        builder.Services.AddSingleton(services => new LiveQueue(services.GetRequiredService<IReceiveEndpointConnector>(), idleTime,
            services.GetService<TimeProvider>() ?? TimeProvider.System, services.GetRequiredService<ILogger<LiveQueue>>()));
        return builder;
    }
}
