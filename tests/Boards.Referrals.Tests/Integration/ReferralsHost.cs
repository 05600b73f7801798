using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace Boards.Referrals.Tests.Integration;

/// <summary>
/// The Referrals service hosted in-process against the REAL PostgreSQL (a fresh random database, dropped at the end)
/// and the REAL RabbitMQ, with its consumers on a queue of its own, plus a separate bus that publishes events as
/// Membership's outbox relay does. No token is minted: handlers are called with constructed callers.
/// </summary>
public class ReferralsHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly ConsumedMessages _consumed = new();
    private WebApplicationFactory<Program>? _factory;
    private IBusControl? _publisher;

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=56432;Username=postgres";

    public static string RabbitMqUri =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_RABBITMQ") is { Length: > 0 } configured
            ? configured
            : "amqp://guest:guest@127.0.0.1:56672";

    public string DatabaseName => $"referrals_test_{_suffix}";
    public string ReceiveEndpoint => $"referrals-municipalities-test-{_suffix}";

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => Factory.Services;

    public virtual async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\"");

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:referralsdb",
                new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = DatabaseName }.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", RabbitMqUri);
            web.UseSetting("Referrals:ReceiveEndpoint", ReceiveEndpoint);
            web.UseSetting("Referrals:SeedDemoData", "false");
            // Never contacted: these tests carry no token.
            web.UseSetting("Identity:Authority", "http://127.0.0.1:9/realms/boards");
            ConfigureWebHost(web);
        });
        _ = _factory.Server; // starts the host: migrations, boot snapshot, bus, consumers

        Services.GetRequiredService<IBus>().ConnectConsumeObserver(_consumed);
        await WaitUntilAsync(async () => await QueueConsumersAsync(ReceiveEndpoint) > 0, $"a consumer on queue {ReceiveEndpoint}");

        _publisher = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(RabbitMqUri)));
        await _publisher.StartAsync(new CancellationTokenSource(Patience).Token);
    }

    /// <summary>For hosts that need more settings or a replaced service (applied after the ones above).</summary>
    protected virtual void ConfigureWebHost(IWebHostBuilder web)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.StopAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DeleteQueueAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    /// <summary>Publishes as the outbox relay does (runtime type, given message id) and waits until the consumer finished with it.</summary>
    public async Task PublishAndWaitAsync(object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.CreateVersion7();
        var before = _consumed.Completed(id);
        await _publisher!.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id));
        await WaitUntilAsync(() => Task.FromResult(_consumed.Completed(id) > before), $"message {id} to be consumed");
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<uint> QueueConsumersAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private async Task DeleteQueueAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in new[] { ReceiveEndpoint, $"{ReceiveEndpoint}_error", $"{ReceiveEndpoint}_skipped" })
        {
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the deliveries the hosted service's consumers finished, per message id (a real MassTransit observer).</summary>
    private sealed class ConsumedMessages : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _completed = new();

        public int Completed(Guid id) => _completed.GetValueOrDefault(id);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id)
            {
                _completed.AddOrUpdate(id, 1, (_, count) => count + 1);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
