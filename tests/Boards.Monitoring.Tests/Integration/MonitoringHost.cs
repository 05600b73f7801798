using System.Collections.Concurrent;
using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Monitoring.Features.Common;
using Boards.Testing;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// The Monitoring service hosted in-process against the REAL PostgreSQL and RabbitMQ, with its own fresh database and
/// its own queue (so parallel test classes and other runs never compete for messages), plus a separate MassTransit
/// bus that publishes events the way the referrals service's outbox relay does. Everything is removed at the end.
/// <see cref="TokenMonitoringHost"/> also hosts our identity provider, so requests carry real tokens.
/// </summary>
public class MonitoringHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly ConsumedMessages _consumed = new();
    private WebApplicationFactory<Program>? _factory;
    private IBusControl? _publisher;
    private InProcessIdentity? _identity;

    /// <summary>Whether the identity provider runs in-process and the service validates its tokens.</summary>
    protected virtual bool IssuesTokens => false;

    public string DatabaseName => $"monitoring_test_{_suffix}";
    public string IdentityDatabaseName => $"monitoring_identity_test_{_suffix}";
    public string ReceiveEndpoint => $"monitoring-referrals-test-{_suffix}";

    public string DatabaseConnectionString => TestPostgres.ConnectionString(DatabaseName);

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => Factory.Services;

    public async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(DatabaseName);
        if (IssuesTokens)
        {
            await TestPostgres.CreateDatabaseAsync(IdentityDatabaseName);
            _identity = new InProcessIdentity(IdentityDatabaseName);
            _identity.Start();
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:monitoringdb", DatabaseConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", TestRabbitMq.Uri);
            web.UseSetting("Monitoring:ReceiveEndpoint", ReceiveEndpoint);
            if (_identity is { } identity)
            {
                var identityHandler = identity.Handler();
                web.UseSetting("Identity:Authority", InProcessIdentity.Issuer);
                web.UseSetting("Identity:Issuer", InProcessIdentity.Issuer);
                // Discovery and keys come from the in-process provider (the handler ignores host and port).
                web.ConfigureTestServices(services =>
                    services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                        options => options.BackchannelHttpHandler = identityHandler));
            }
            else
            {
                // Never contacted: these tests carry no token.
                web.UseSetting("Identity:Authority", "http://127.0.0.1:9/realms/boards");
            }
        });
        _ = _factory.Server; // starts the host: migrations, bus, consumers

        Services.GetRequiredService<IBus>().ConnectConsumeObserver(_consumed);
        await WaitForQueueConsumerAsync();

        _publisher = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(TestRabbitMq.Uri)));
        await _publisher.StartAsync(new CancellationTokenSource(Patience).Token);
    }

    public async Task DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.StopAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        await TestRabbitMq.DeleteQueuesAndExchangesAsync(ReceiveEndpoint, $"{ReceiveEndpoint}_error", $"{ReceiveEndpoint}_skipped");
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(DatabaseName);
        if (IssuesTokens)
        {
            await TestPostgres.DropDatabaseAsync(IdentityDatabaseName);
        }
    }

    /// <summary>A real token from the in-process identity provider for a user with these roles and municipality.</summary>
    public Task<string> TokenAsync(string? municipality, params string[] roles) =>
        (_identity ?? throw new InvalidOperationException("This host issues no tokens: use TokenMonitoringHost.")).TokenAsync(municipality, roles);

    /// <summary>An HTTP client over the test server, with the bearer token when given.</summary>
    public HttpClient Client(string? token) => Factory.CreateClientWithToken(token);

    /// <summary>A gRPC channel over the test server (HTTP/2 semantics, in memory).</summary>
    public GrpcChannel Channel() => Factory.CreateGrpcChannel();

    /// <summary>
    /// Publishes an event as its runtime type with the given message id, as the outbox relay does (with the outbox
    /// row's id).
    /// </summary>
    public async Task<Guid> PublishAsync(object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.CreateVersion7();
        await _publisher!.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id));
        return id;
    }

    /// <summary>Publishes and waits until the service's consumer finished with that delivery (or failed it).</summary>
    public async Task PublishAndWaitAsync(object message, Guid? messageId = null)
    {
        var id = messageId ?? Guid.CreateVersion7();
        var before = _consumed.Completed(id);
        await PublishAsync(message, id);
        await WaitUntilAsync(() => Task.FromResult(_consumed.Completed(id) > before), $"message {id} to be consumed");
    }

    public int CompletedDeliveries(Guid messageId) => _consumed.Completed(messageId);

    public int Faults(Guid messageId) => _consumed.Faulted(messageId);

    public Task WaitUntilConsumedAsync(Guid messageId, int deliveries) =>
        WaitUntilAsync(() => Task.FromResult(_consumed.Completed(messageId) >= deliveries), $"{deliveries} deliveries of {messageId}");

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<MunicipalitySummary?> SummaryAsync(string code) =>
        InScopeAsync(services => services.GetRequiredService<MunicipalitySummaryReader>().ReadOneAsync(code, CancellationToken.None));

    public Task<IReadOnlyList<MunicipalitySummary>> AllSummariesAsync() =>
        InScopeAsync(services => services.GetRequiredService<MunicipalitySummaryReader>().ReadAsync(null, CancellationToken.None));

    public Task<ReferralFact?> FactAsync(Guid referralId) =>
        InScopeAsync(services => services.GetRequiredService<MonitoringDbContext>().ReferralFacts.AsNoTracking()
            .SingleOrDefaultAsync(f => f.ReferralId == referralId));

    /// <summary>Polls the read model until <paramref name="condition"/> holds, for at most <see cref="Patience"/>.</summary>
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

    /// <summary>Whether the queue exists and how many consumers it has.</summary>
    public Task<(bool Exists, uint Consumers)> InspectQueueAsync(string queue) => TestRabbitMq.InspectQueueAsync(queue);

    private async Task WaitForQueueConsumerAsync() =>
        await WaitUntilAsync(async () => (await InspectQueueAsync(ReceiveEndpoint)).Consumers > 0, $"a consumer on queue {ReceiveEndpoint}");

    /// <summary>Counts what the hosted service's consumers did with each message id (a real MassTransit observer).</summary>
    private sealed class ConsumedMessages : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _completed = new();
        private readonly ConcurrentDictionary<Guid, int> _faulted = new();

        public int Completed(Guid messageId) => _completed.GetValueOrDefault(messageId);
        public int Faulted(Guid messageId) => _faulted.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id)
            {
                _completed.AddOrUpdate(id, 1, (_, count) => count + 1);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            if (context.MessageId is { } id)
            {
                _faulted.AddOrUpdate(id, 1, (_, count) => count + 1);
            }

            return Task.CompletedTask;
        }
    }
}

/// <summary>The Monitoring host with our identity provider in-process: requests carry real tokens it issued.</summary>
public sealed class TokenMonitoringHost : MonitoringHost
{
    protected override bool IssuesTokens => true;
}
