using Boards.BuildingBlocks.Inbox;
using Boards.BuildingBlocks.Modules;
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

    /// <summary>The prefix of the composed bus's own endpoint names (every module names its queues itself).</summary>
    public const string ComposedBusName = "boards";

    /// <summary>
    /// MassTransit over RabbitMQ (connection string "rabbitmq"), queues prefixed with the service name, classic or
    /// quorum (Messaging:QueueType), retries in place, then redeliveries from the service's database and parking
    /// (docs/messaging.md), and the outbox relay for <typeparamref name="TDbContext"/>. In a composed host
    /// (<see cref="ModuleComposition.ComposeModules"/>) the consumers wait for <see cref="AddComposedBus"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBoardsMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext
    {
        if (builder.Services.FirstTime<MessagingModule>())
        {
            AddSharedMessaging(builder.Services);
        }

        var composed = builder.Composed();
        if (composed is null)
        {
            AddBus(builder, serviceName, [configureConsumers]);
        }
        else
        {
            composed.Messaging.Add(new MessagingModule(serviceName, configureConsumers));
        }

        builder.Services.AddSingleton(new ParkingRoute(serviceName, typeof(ParkedMessageStore<TDbContext>)));
        builder.Services.AddSingleton<ParkedMessageStore<TDbContext>>();
        builder.Services.AddSingleton<InboxBatches<TDbContext>>();
        builder.Services.AddSingleton<ParkedMessageRedelivery<TDbContext>>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ParkedMessageRedelivery<TDbContext>>());
        builder.Services.AddScoped<MessagingAdmin<TDbContext>>();
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        return builder;
    }

    /// <summary>One bus for every module of a composed host, with each module's consumers on its own queues.</summary>
    public static IHostApplicationBuilder AddComposedBus(this IHostApplicationBuilder builder)
    {
        var composed = builder.Composed()
                       ?? throw new InvalidOperationException("AddComposedBus is for a host that called ComposeModules before adding its modules.");
        var before = builder.Services.Count;
        AddBus(builder, ComposedBusName, [.. composed.Messaging.Select(m => m.ConfigureConsumers)]);
        // The bus starts first, then the gate waits until its queues are bound, and only then the relays: a module's
        // start publishes events (seeded municipalities) that other modules' queues must already be there to receive.
        builder.Services.AddHostedService<BusReadyGate>();
        var busServices = builder.Services.Skip(before).Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        var first = builder.Services.IndexOf(builder.Services.First(d => d.ServiceType == typeof(IHostedService)));
        foreach (var busService in busServices)
        {
            builder.Services.Remove(busService);
            builder.Services.Insert(first++, busService);
        }

        return builder;
    }

    private static void AddBus(IHostApplicationBuilder builder, string endpointPrefix, IReadOnlyList<Action<IBusRegistrationConfigurator>?> consumers)
    {
        var connectionString = builder.Configuration.GetConnectionString(RabbitMqConnectionName)
                               ?? "amqp://guest:guest@localhost:5672";
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(endpointPrefix, false));
            foreach (var configure in consumers)
            {
                configure?.Invoke(bus);
            }

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
    }

    /// <summary>What every module's messaging in one process shares: options, readiness, metrics, the publisher, the outbox signals.</summary>
    private static void AddSharedMessaging(IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidation>();
        services.AddSingleton<BusStartedHealthCheck>();
        services.AddHealthChecks().AddCheck<BusStartedHealthCheck>("bus-started");
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton<IParkedMessages, ParkingByModule>();
        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        services.AddSingleton<IOutboxPublisher, BusOutboxPublisher>();
        services.AddSingleton<OutboxSignals>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton(TimeProvider.System);
    }
}
