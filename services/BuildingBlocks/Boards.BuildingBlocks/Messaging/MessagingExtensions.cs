using Boards.BuildingBlocks.Outbox;
using Boards.ServiceDefaults.Health;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Boards.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    public const string RabbitMqConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit over RabbitMQ (connection string "rabbitmq"), queues prefixed with the service name,
    /// retries then the error queue, and the outbox relay for <typeparamref name="TDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBoardsMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(RabbitMqConnectionName)
                               ?? "amqp://guest:guest@localhost:5672";

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configureConsumers?.Invoke(bus);
            bus.ConfigureHealthCheckOptions(health => health.Tags.Add(HealthExtensions.BrokerTag));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // Transient failures retry in place; what still fails lands in the consumer's _error queue, never acked away.
                rabbit.UseMessageRetry(retry => retry.Intervals(200, 1000, 3000, 10000));
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddSingleton<BusStartedHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<BusStartedHealthCheck>("bus-started");
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
