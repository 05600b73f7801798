using System.Collections.Concurrent;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Data;
using Boards.Needs.Features.ReferenceData;
using Boards.ServiceDefaults.Authentication;
using Boards.Testing;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Boards.Needs.Tests.Integration;

/// <summary>
/// The Needs service hosted in-process against the REAL PostgreSQL (a fresh random database, dropped at the end) and
/// the REAL RabbitMQ, with its own municipality queue, plus a separate bus that listens for ServiceOfferChanged and
/// publishes MunicipalityRegistered, as other services would. Tokens come from our identity provider, hosted
/// in-process (<see cref="InProcessIdentity"/>); the service fetches its discovery document and keys from it.
/// </summary>
public class NeedsHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private InProcessIdentity? _identity;
    private WebApplicationFactory<Program>? _factory;
    private IBusControl? _bus;

    public string DatabaseName => $"needs_test_{_suffix}";
    public string IdentityDatabaseName => $"needs_identity_test_{_suffix}";
    public string ListenerQueue => $"needs-test-listener-{_suffix}";
    public string ReceiveEndpoint => $"needs-municipalities-test-{_suffix}";

    public ConcurrentQueue<ServiceOfferChanged> OfferChanges { get; } = new();
    public ConcurrentQueue<NeedsPrioritized> Prioritized { get; } = new();
    public ConcurrentQueue<GapAnalysisPublished> GapAnalyses { get; } = new();

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => Factory.Services;

    public IBus Bus => _bus ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(DatabaseName);
        await TestPostgres.CreateDatabaseAsync(IdentityDatabaseName);
        _identity = new InProcessIdentity(IdentityDatabaseName);
        _identity.Start();
        var identityHandler = _identity.Handler();

        // Listen first, so the exchange binding exists before the service's relay publishes anything.
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestRabbitMq.Uri));
            rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<ServiceOfferChanged>(context =>
                {
                    OfferChanges.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<NeedsPrioritized>(context =>
                {
                    Prioritized.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<GapAnalysisPublished>(context =>
                {
                    GapAnalyses.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(new CancellationTokenSource(Patience).Token);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:needsdb", TestPostgres.ConnectionString(DatabaseName));
            web.UseSetting("ConnectionStrings:rabbitmq", TestRabbitMq.Uri);
            // A queue per host: hosts of other test classes (other databases) must not take this host's announcements.
            web.UseSetting("Needs:ReceiveEndpoint", ReceiveEndpoint);
            web.UseSetting("Identity:Authority", InProcessIdentity.Issuer);
            web.UseSetting("Identity:Issuer", InProcessIdentity.Issuer);
            // Discovery and keys come from the in-process provider (the handler ignores host and port). Configure, not
            // PostConfigure: the JWT handler builds its configuration manager from this in its own post-configure step.
            web.ConfigureTestServices(services =>
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                    options => options.BackchannelHttpHandler = identityHandler));
            Configure(web);
        });
        _ = _factory.Server; // starts the host: migrations, seed, bus, consumers, outbox relay
        await WaitUntilAsync(async () => (await TestRabbitMq.InspectQueueAsync(ReceiveEndpoint)).Consumers > 0, $"a consumer on queue {ReceiveEndpoint}");
    }

    /// <summary>Settings a subclass adds for its own tests (e.g. the demo data).</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
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

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        await TestRabbitMq.DeleteQueuesAndExchangesAsync(ListenerQueue, ReceiveEndpoint, $"{ReceiveEndpoint}_error", $"{ReceiveEndpoint}_skipped");
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(DatabaseName);
        await TestPostgres.DropDatabaseAsync(IdentityDatabaseName);
    }

    /// <summary>A real token from the in-process identity provider for a user with these roles and municipality.</summary>
    public string Token(string? municipality, params string[] roles) =>
        // Off the test's synchronization context, so blocking here cannot wait on itself.
        Task.Run(() => (_identity ?? throw new InvalidOperationException("Not started.")).TokenAsync(municipality, roles)).GetAwaiter().GetResult();

    /// <summary>An HTTP client over the test server, with the bearer token when given.</summary>
    public HttpClient Client(string? token) => Factory.CreateClientWithToken(token);

    /// <summary>A gRPC channel over the test server (HTTP/2 semantics, in memory).</summary>
    public GrpcChannel Channel() => Factory.CreateGrpcChannel();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A municipality of its own for one test, put in the replica as the boot snapshot does.</summary>
    public async Task<string> NewMunicipalityAsync(string name = "Municipio de prueba")
    {
        var code = $"prueba-{Guid.NewGuid().ToString("N")[..10]}";
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NeedsDbContext>();
            db.Municipalities.Add(new Municipality { Code = code, Name = name, Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
            return await db.SaveChangesAsync();
        });
        return code;
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
}
