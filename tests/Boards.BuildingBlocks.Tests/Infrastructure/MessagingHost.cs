using Boards.BuildingBlocks.Data;
using Boards.BuildingBlocks.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>
/// A service host in miniature, wired the way a service's Program.cs wires it: <c>AddBoardsMessaging</c> +
/// <c>AddServiceDatabase</c>, on the real broker (or an unreachable one) and a test database.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _disposed;

    private MessagingHost(IHost host, string serviceName, bool relayRunsInBackground)
    {
        _host = host;
        ServiceName = serviceName;
        RelayRunsInBackground = relayRunsInBackground;
    }

    /// <summary>The queue prefix: unique per test, so runs never share a queue.</summary>
    public string ServiceName { get; }

    public bool RelayRunsInBackground { get; }

    /// <summary>The consumer's queue, named as AddBoardsMessaging's endpoint name formatter names it.</summary>
    public string ConsumerQueue => new KebabCaseEndpointNameFormatter(ServiceName, false).Consumer<ThingHappenedConsumer>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Messages whose ids are added here are refused instead of published, until they are removed.</summary>
    public RefusingPublisher Publisher => _host.Services.GetRequiredService<RefusingPublisher>();

    /// <summary>The relay to drive by hand (when it does not run in the background).</summary>
    public OutboxRelay<TestDbContext> Relay => _host.Services.GetRequiredService<OutboxRelay<TestDbContext>>();

    /// <summary>The redelivery of parked messages (it also runs in the background, every <c>Messaging:RedeliveryPollInterval</c>).</summary>
    public ParkedMessageRedelivery<TestDbContext> Redelivery => _host.Services.GetRequiredService<ParkedMessageRedelivery<TestDbContext>>();

    /// <summary>Runs <paramref name="action"/> with the admin operations of this host, in a scope of its own.</summary>
    public async Task<T> AdminAsync<T>(Func<MessagingAdmin<TestDbContext>, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MessagingAdmin<TestDbContext>>());
    }

    public static async Task<MessagingHost> StartAsync(
        TestDatabase database,
        Probe probe,
        string rabbitMq,
        bool withConsumer = true,
        bool relayRunsInBackground = false,
        int batchSize = 100,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IBusRegistrationConfigurator>? moreConsumers = null,
        bool batched = false)
    {
        var serviceName = $"bbtest-{probe.RunId}";
        var brokerReachable = rabbitMq != TestSettings.UnreachableRabbitMq;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = rabbitMq,
            ["ConnectionStrings:testdb"] = database.ConnectionString,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:PublishTimeout"] = "00:00:03",
            ["Outbox:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Retries in place within a fraction of a second, redeliveries that never come unless a test asks for them.
            ["Messaging:RetryIntervals"] = "00:00:00.05,00:00:00.05",
            ["Messaging:RedeliveryIntervals"] = "01:00:00",
            ["Messaging:RedeliveryPollInterval"] = "00:00:00.200",
            ["Messaging:SendTimeout"] = "00:00:03",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.AddBoardsMessaging<TestDbContext>(serviceName, bus =>
        {
            if (withConsumer && batched)
            {
                // On the queue ThingHappenedConsumer would have: ConsumerQueue names it for both.
                var queue = new KebabCaseEndpointNameFormatter(serviceName, false).Consumer<ThingHappenedConsumer>();
                bus.AddConsumer<BatchedThingConsumer>().Endpoint(e => e.Name = queue);
            }
            else if (withConsumer)
            {
                bus.AddConsumer<ThingHappenedConsumer>();
            }

            moreConsumers?.Invoke(bus);
        });
        builder.AddServiceDatabase<TestDbContext>("testdb");
        builder.Services.AddSingleton<BusOutboxPublisher>();
        builder.Services.AddSingleton<RefusingPublisher>();
        builder.Services.AddSingleton<IOutboxPublisher>(services => services.GetRequiredService<RefusingPublisher>());
        builder.Services.AddSingleton(probe);
        builder.Services.AddConsumeObserver(_ => probe);
        builder.Services.AddPublishObserver(_ => probe);
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // On the real broker, start only once the bus is connected and its endpoints are up.
            options.WaitUntilStarted = brokerReachable;
            options.StartTimeout = TimeSpan.FromSeconds(30);
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });

        if (!relayRunsInBackground)
        {
            // Same relay, but the test decides when a pass runs, so that passes never race with the test's own.
            var hosted = builder.Services.Single(d =>
                d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxRelay<TestDbContext>));
            builder.Services.Remove(hosted);
            builder.Services.AddSingleton<OutboxRelay<TestDbContext>>();
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose(); // not stopped: a host whose start failed cannot be
            throw;
        }

        var started = new MessagingHost(host, serviceName, relayRunsInBackground);
        try
        {
            if (withConsumer && brokerReachable)
            {
                await Eventually.HoldsAsync(
                    async () => await RabbitAdmin.InspectAsync(started.ConsumerQueue) is { Consumers: > 0 },
                    TimeSpan.FromSeconds(30),
                    $"a consumer on queue {started.ConsumerQueue}");
            }
        }
        catch
        {
            await started.DisposeAsync(); // a host that never consumed leaves nothing running behind the test
            throw;
        }

        return started;
    }

    /// <summary>Stops the host; again does nothing (a test may stop a host before the end, which stops every host).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
