using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Data;
using Boards.Needs.Features.ReferenceData;
using Boards.ServiceDefaults.Authentication;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;

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

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=56432;Username=postgres";

    public static string RabbitMqUri =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_RABBITMQ") is { Length: > 0 } configured
            ? configured
            : "amqp://guest:guest@127.0.0.1:56672";

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
        await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\"");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{IdentityDatabaseName}\"");
        _identity = new InProcessIdentity(IdentityDatabaseName);
        _identity.Start();
        var identityHandler = _identity.Handler();

        // Listen first, so the exchange binding exists before the service's relay publishes anything.
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(RabbitMqUri));
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
            web.UseSetting("ConnectionStrings:needsdb",
                new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = DatabaseName }.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", RabbitMqUri);
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
        await WaitUntilAsync(async () => await QueueConsumersAsync(ReceiveEndpoint) > 0, $"a consumer on queue {ReceiveEndpoint}");
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

        await DeleteQueuesAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{IdentityDatabaseName}\" WITH (FORCE)");
    }

    /// <summary>A real token from the in-process identity provider for a user with these roles and municipality.</summary>
    public string Token(string? municipality, params string[] roles) =>
        // Off the test's synchronization context, so blocking here cannot wait on itself.
        Task.Run(() => (_identity ?? throw new InvalidOperationException("Not started.")).TokenAsync(municipality, roles)).GetAwaiter().GetResult();

    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A gRPC channel over the test server (HTTP/2 semantics, in memory).</summary>
    public GrpcChannel Channel() => GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = new ResponseVersionHandler { InnerHandler = Factory.Server.CreateHandler() },
    });

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

    private async Task DeleteQueuesAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in new[] { ListenerQueue, ReceiveEndpoint, $"{ReceiveEndpoint}_error", $"{ReceiveEndpoint}_skipped" })
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

    /// <summary>TestServer answers HTTP/1.1; the gRPC client insists on the request's HTTP/2.</summary>
    private sealed class ResponseVersionHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Version = request.Version;
            return response;
        }
    }
}
