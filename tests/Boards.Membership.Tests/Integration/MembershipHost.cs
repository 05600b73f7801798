using System.Collections.Concurrent;
using Boards.Membership.Features.Municipalities;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// The Membership service hosted in-process against the REAL PostgreSQL (a fresh random database, dropped at the end)
/// and the REAL RabbitMQ, plus a separate MassTransit bus with its own queue that listens for FocalPointAppointed, as
/// another service would. No token is minted: handlers are called with constructed callers.
/// </summary>
public class MembershipHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private WebApplicationFactory<Program>? _factory;
    private IBusControl? _listener;

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=56432;Username=postgres";

    public static string RabbitMqUri =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_RABBITMQ") is { Length: > 0 } configured
            ? configured
            : "amqp://guest:guest@127.0.0.1:56672";

    public string DatabaseName => $"membership_test_{_suffix}";
    public string ListenerQueue => $"membership-test-listener-{_suffix}";
    public string IdentityLinkQueue => $"membership-identity-link-test-{_suffix}";

    public ConcurrentQueue<FocalPointAppointed> Appointments { get; } = new();

    public ConcurrentQueue<RepresentativityAssessed> Assessments { get; } = new();

    public ConcurrentQueue<FocalPointAccessChanged> AccessChanges { get; } = new();

    public ConcurrentQueue<AgreementRecorded> Agreements { get; } = new();

    /// <summary>Configuration a derived host adds (for example a feature switch).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IServiceProvider Services => Factory.Services;

    public async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\"");

        // Listen first, so the exchange binding exists before the service's relay publishes anything.
        _listener = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(RabbitMqUri));
            rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<FocalPointAppointed>(context =>
                {
                    Appointments.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<FocalPointAccessChanged>(context =>
                {
                    AccessChanges.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<RepresentativityAssessed>(context =>
                {
                    Assessments.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<AgreementRecorded>(context =>
                {
                    Agreements.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await _listener.StartAsync(new CancellationTokenSource(Patience).Token);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:membershipdb",
                new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = DatabaseName }.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", RabbitMqUri);
            // A queue per host: hosts of other test classes (other databases) must not take this host's appointments.
            web.UseSetting("Membership:IdentityLink:ReceiveEndpoint", IdentityLinkQueue);
            // Never contacted: these tests carry no token (token-level checks belong to the end-to-end suite).
            web.UseSetting("Identity:Authority", "http://127.0.0.1:9/realms/boards");
            foreach (var (key, value) in ExtraSettings)
            {
                web.UseSetting(key, value);
            }
        });
        _ = _factory.Server; // starts the host: migrations, seed, bus, outbox relay
    }

    public async Task DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.StopAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DeleteListenerAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> With<TService, T>(Func<TService, Task<T>> action) where TService : notnull =>
        InScopeAsync(services => action(services.GetRequiredService<TService>()));

    /// <summary>A municipality of its own for one test (one board per municipality), registered like the seed does.</summary>
    public async Task<string> NewMunicipalityAsync()
    {
        var code = $"prueba-{Guid.NewGuid().ToString("N")[..10]}";
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MembershipDbContext>();
            db.Municipalities.Add(new Municipality { Code = code, Name = "Municipio de prueba", Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
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

    private async Task DeleteListenerAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(ListenerQueue);
        await channel.ExchangeDeleteAsync(ListenerQueue);
        foreach (var queue in new[] { IdentityLinkQueue, $"{IdentityLinkQueue}_error", $"{IdentityLinkQueue}_skipped" })
        {
            await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync(queue);
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
}
