using Boards.BuildingBlocks.Inbox;
using Boards.BuildingBlocks.Outbox;
using Boards.ServiceDefaults.Health;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Boards.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    public const string RabbitMqConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit over RabbitMQ (connection string "rabbitmq"), queues prefixed with the service name, classic or
    /// quorum (Messaging:QueueType), retries in place, then redeliveries from the service's database and parking
    /// (docs/messaging.md), and the outbox relay for <typeparamref name="TDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBoardsMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(RabbitMqConnectionName)
                               ?? "amqp://guest:guest@localhost:5672";

        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidation>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configureConsumers?.Invoke(bus);
            bus.ConfigureHealthCheckOptions(health => health.Tags.Add(HealthExtensions.BrokerTag));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // Parking first, so it wraps the retries: it sees only what failed after all of them. A message it
                // cannot keep (database down) lands in the consumer's _error queue as before, never acked away.
                _ = new ParkingConfigurationObserver(rabbit, context.GetRequiredService<IParkedMessages>());
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                if (options.UsesQuorumQueues)
                {
                    rabbit.ConnectEndpointConfigurationObserver(new QuorumQueues(options.QuorumReplicationFactor));
                }

                var retries = options.Retries;
                rabbit.UseMessageRetry(retry =>
                {
                    if (retries.Count > 0)
                    {
                        retry.Intervals([.. retries]);
                    }
                    else
                    {
                        retry.None();
                    }
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddSingleton<BusStartedHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<BusStartedHealthCheck>("bus-started");
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<IParkedMessages, ParkedMessageStore<TDbContext>>();
        builder.Services.AddSingleton<InboxBatches<TDbContext>>();
        builder.Services.AddSingleton<ParkedMessageRedelivery<TDbContext>>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ParkedMessageRedelivery<TDbContext>>());
        builder.Services.AddScoped<MessagingAdmin<TDbContext>>();

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddSingleton<IOutboxPublisher, BusOutboxPublisher>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return builder;
    }
}
