using System.Collections.Concurrent;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Boards.Testing;

/// <summary>
/// A service hosted in-process against the REAL PostgreSQL (a fresh random database, dropped at the end) and the REAL
/// RabbitMQ, with its own receive queue (hosts of other test classes, on other databases, must not take its messages),
/// plus a separate bus that listens for what the service publishes and publishes what other services would. Tokens come
/// from our identity provider, hosted in-process (<see cref="InProcessIdentity"/>); the service fetches its discovery
/// document and keys from it. Databases, queues and hosts are removed at the end.
/// </summary>
/// <remarks>
/// Boards.Testing does not reference xunit: a test project's host declares <c>IAsyncLifetime</c>, which these public
/// <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/> implement.
/// </remarks>
/// <param name="service">Names the databases and queues: <c>{service}_test_…</c>, <c>{service}-test-listener-…</c>.</param>
/// <param name="connectionStringName">The service's database connection string (<c>ConnectionStrings:{name}</c>).</param>
/// <param name="receiveEndpointSetting">The setting that names the service's receive queue.</param>
/// <param name="receiveQueue">The start of that queue's name: <c>{receiveQueue}-test-…</c>.</param>
public abstract class ServiceTestHost<TProgram>(string service, string connectionStringName, string receiveEndpointSetting, string receiveQueue)
    where TProgram : class
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<string> _databases = [];
    private readonly List<string> _queues = [];
    private InProcessIdentity? _identity;
    private IBusControl? _bus;
    private WebApplicationFactory<TProgram>? _factory;

    /// <summary>What makes this host's databases and queues its own.</summary>
    protected string Suffix { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Whether the identity provider runs in-process and the service validates its tokens.</summary>
    protected virtual bool IssuesTokens => true;

    /// <summary>Settings of the in-process identity provider (for example a short Identity:AccessTokenLifetime).</summary>
    protected virtual IReadOnlyDictionary<string, string> IdentitySettings { get; } = new Dictionary<string, string>();

    public string DatabaseName => $"{service}_test_{Suffix}";
    public string IdentityDatabaseName => $"{service}_identity_test_{Suffix}";
    public string ListenerQueue => $"{service}-test-listener-{Suffix}";
    public string ReceiveEndpoint => $"{receiveQueue}-test-{Suffix}";

    public WebApplicationFactory<TProgram> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => Factory.Services;

    /// <summary>The separate bus: publishes as other services would; its listener queue collects what the service publishes.</summary>
    public IBus Bus => _bus ?? throw new InvalidOperationException("Not started.");

    protected InProcessIdentity Identity =>
        _identity ?? throw new InvalidOperationException(IssuesTokens ? "Not started." : $"{GetType().Name} issues no tokens.");

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync(DatabaseName);
        if (IssuesTokens)
        {
            await CreateDatabaseAsync(IdentityDatabaseName);
            _identity = new InProcessIdentity(IdentityDatabaseName, IdentitySettings);
            _identity.Start();
        }

        // Listen first, so the exchange binding exists before the service's relay publishes anything.
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestRabbitMq.Uri));
            ConfigureBus(rabbit);
        });
        await _bus.StartAsync(new CancellationTokenSource(Patience).Token);

        await StartingAsync();

        DeleteQueuesAtEnd(ReceiveEndpoint);
        _factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            UseTestInfrastructure(web, connectionStringName, DatabaseName, receiveEndpointSetting, ReceiveEndpoint);
            Configure(web);
        });
        Start(_factory); // migrations, seed, bus, consumers, outbox relay
        Started();
        await WaitUntilAsync(async () => (await TestRabbitMq.InspectQueueAsync(ReceiveEndpoint)).Consumers > 0, $"a consumer on queue {ReceiveEndpoint}");
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await StoppedAsync();

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        await TestRabbitMq.DeleteQueuesAndExchangesAsync([.. _queues]);
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _databases)
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>The separate bus: by default a listener queue whose handlers <see cref="Listen"/> registers.</summary>
    protected virtual void ConfigureBus(IRabbitMqBusFactoryConfigurator rabbit)
    {
        DeleteQueuesAtEnd(ListenerQueue, endpoint: false);
        rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
        {
            endpoint.AutoDelete = true;
            Listen(endpoint);
        });
    }

    /// <summary>Registers the handlers of the listener queue (see <see cref="Collect{T}"/>).</summary>
    protected virtual void Listen(IReceiveEndpointConfigurator endpoint)
    {
    }

    /// <summary>Settings a subclass adds for its own tests (e.g. the demo data).</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    /// <summary>After the identity provider and the bus, before the service: other services the tests host.</summary>
    protected virtual Task StartingAsync() => Task.CompletedTask;

    /// <summary>
    /// Starts the service: on a TestServer (in memory) by default; a host may start it on Kestrel instead
    /// (<c>factory.UseKestrel(…)</c>, <c>factory.StartServer()</c>) when its tests need real HTTP/2.
    /// </summary>
    protected virtual void Start(WebApplicationFactory<TProgram> factory) => _ = factory.Server;

    /// <summary>Right after the service started, before waiting for its consumer.</summary>
    protected virtual void Started()
    {
    }

    /// <summary>After the service stopped, before the identity provider does: what <see cref="StartingAsync"/> started.</summary>
    protected virtual Task StoppedAsync() => Task.CompletedTask;

    /// <summary>Puts each message of that type the listener receives in <paramref name="into"/>.</summary>
    protected static void Collect<T>(IReceiveEndpointConfigurator endpoint, ConcurrentQueue<T> into) where T : class =>
        endpoint.Handler<T>(context =>
        {
            into.Enqueue(context.Message);
            return Task.CompletedTask;
        });

    /// <summary>Creates a database on the test server and drops it at the end.</summary>
    protected async Task CreateDatabaseAsync(string database)
    {
        await TestPostgres.CreateDatabaseAsync(database);
        _databases.Add(database);
    }

    /// <summary>Deletes the queue (and exchange) at the end; a receive endpoint's error and skipped queues too.</summary>
    protected void DeleteQueuesAtEnd(string queue, bool endpoint = true)
    {
        _queues.Add(queue);
        if (endpoint)
        {
            _queues.Add($"{queue}_error");
            _queues.Add($"{queue}_skipped");
        }
    }

    /// <summary>
    /// What a service hosted here needs: Development, its database, the broker, its own receive queue and, when this
    /// host issues tokens, the in-process identity provider as authority and issuer.
    /// </summary>
    protected void UseTestInfrastructure(IWebHostBuilder web, string connectionString, string database, string endpointSetting, string endpoint)
    {
        web.UseEnvironment("Development");
        web.UseSetting($"ConnectionStrings:{connectionString}", TestPostgres.ConnectionString(database));
        web.UseSetting("ConnectionStrings:rabbitmq", TestRabbitMq.Uri);
        web.UseSetting(endpointSetting, endpoint);
        if (_identity is { } identity)
        {
            var identityHandler = identity.Handler();
            web.UseSetting("Identity:Authority", InProcessIdentity.Issuer);
            web.UseSetting("Identity:Issuer", InProcessIdentity.Issuer);
            // Discovery and keys come from the in-process provider (the handler ignores host and port). Configure, not
            // PostConfigure: the JWT handler builds its configuration manager from this in its own post-configure step.
            web.ConfigureTestServices(services =>
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                    options => options.BackchannelHttpHandler = identityHandler));
        }
        else
        {
            // Never contacted: these tests carry no token.
            web.UseSetting("Identity:Authority", "http://127.0.0.1:9/realms/boards");
        }
    }

    /// <summary>A real token from the in-process identity provider for a user with these roles and municipality.</summary>
    public Task<string> TokenAsync(string? municipality, params string[] roles) => Identity.TokenAsync(municipality, roles);

    /// <summary>A real token for an institution officer serving in the given municipalities.</summary>
    public Task<string> OfficerTokenAsync(string institution, params string[] servesIn) => Identity.OfficerTokenAsync(institution, servesIn);

    /// <summary>A real token from the in-process identity provider for a user with these roles and municipality.</summary>
    public string Token(string? municipality, params string[] roles) =>
        // Off the test's synchronization context, so blocking here cannot wait on itself.
        Task.Run(() => TokenAsync(municipality, roles)).GetAwaiter().GetResult();

    /// <summary>An HTTP client over the test server, with the bearer token when given.</summary>
    public HttpClient Client(string? token) => Factory.CreateClientWithToken(token);

    /// <summary>An HTTP client of the in-process identity provider (its token endpoint and admin API).</summary>
    public HttpClient IdentityClient() => Identity.Client();

    /// <summary>A gRPC channel over the test server (HTTP/2 semantics, in memory).</summary>
    public GrpcChannel Channel() => Factory.CreateGrpcChannel();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for at most <see cref="Patience"/>.</summary>
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
}
