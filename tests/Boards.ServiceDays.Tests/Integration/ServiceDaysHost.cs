extern alias referrals;

using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Boards.Needs.Contracts.Events;
using Boards.ServiceDays.Contracts.Events;
using Boards.ServiceDays.Data;
using Boards.ServiceDays.Features.Referrals;
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
using ReferralsProgram = referrals::Program;

namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// The ServiceDays service hosted in-process against the REAL PostgreSQL (fresh databases, dropped at the end) and the
/// REAL RabbitMQ with its own queue, plus a bus that publishes Needs' ServiceOfferChanged and listens for ServiceDayHeld.
/// The other end of CreateReferral is the REAL referrals service, hosted in-process on its own database; the ServiceDays
/// gRPC client reaches it through <see cref="ReferralsLink"/>, which can also point it at a closed port (unreachable).
/// Tokens come from our identity provider in-process, and both services validate them.
/// </summary>
public sealed class ServiceDaysHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<string, string> _demoTokens = new();
    private InProcessIdentity? _identity;
    private WebApplicationFactory<ReferralsProgram>? _referrals;
    private WebApplicationFactory<Program>? _factory;
    private IBusControl? _bus;

    public string DatabaseName => $"servicedays_test_{_suffix}";
    public string ReferralsDatabaseName => $"servicedays_referrals_test_{_suffix}";
    public string IdentityDatabaseName => $"servicedays_identity_test_{_suffix}";
    public string ListenerQueue => $"servicedays-test-listener-{_suffix}";
    public string ReceiveEndpoint => $"servicedays-events-test-{_suffix}";
    public string ReferralsReceiveEndpoint => $"servicedays-test-referrals-{_suffix}";

    public ConcurrentQueue<ServiceDayHeld> Held { get; } = new();

    /// <summary>The link from ServiceDays to Referrals: reachable (the in-process service) or not (a closed port).</summary>
    public ReferralsLink Link { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IBus Bus => _bus ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(DatabaseName);
        await TestPostgres.CreateDatabaseAsync(ReferralsDatabaseName);
        await TestPostgres.CreateDatabaseAsync(IdentityDatabaseName);
        _identity = new InProcessIdentity(IdentityDatabaseName);
        _identity.Start();

        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestRabbitMq.Uri));
            rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<ServiceDayHeld>(context =>
                {
                    Held.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(new CancellationTokenSource(Patience).Token);

        _referrals = new WebApplicationFactory<ReferralsProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:referralsdb", TestPostgres.ConnectionString(ReferralsDatabaseName));
            web.UseSetting("ConnectionStrings:rabbitmq", TestRabbitMq.Uri);
            web.UseSetting("Referrals:ReceiveEndpoint", ReferralsReceiveEndpoint);
            web.UseSetting("Referrals:SeedDemoData", "false");
            UseIdentity(web);
        });
        _ = _referrals.Server;
        Link = new ReferralsLink(_referrals.Server.CreateHandler());

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:servicedaysdb", TestPostgres.ConnectionString(DatabaseName));
            web.UseSetting("ConnectionStrings:rabbitmq", TestRabbitMq.Uri);
            web.UseSetting("ServiceDays:ReceiveEndpoint", ReceiveEndpoint);
            // The address is only what the request names: ReferralsLink decides where it really goes.
            web.UseSetting("ServiceDays:Referrals:Address", ReferralsLink.ClosedPortAddress);
            web.UseSetting("ServiceDays:Referrals:TimeoutSeconds", "10");
            UseIdentity(web);
            web.ConfigureTestServices(services =>
                services.AddHttpClient(ReferralSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => Link.NewHandler()));
        });
        _ = _factory.Server;
        await WaitUntilAsync(async () => (await TestRabbitMq.InspectQueueAsync(ReceiveEndpoint)).Consumers > 0, $"a consumer on queue {ReceiveEndpoint}");
    }

    private void UseIdentity(IWebHostBuilder web)
    {
        var identityHandler = _identity!.Handler();
        web.UseSetting("Identity:Authority", InProcessIdentity.Issuer);
        web.UseSetting("Identity:Issuer", InProcessIdentity.Issuer);
        web.ConfigureTestServices(services =>
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options => options.BackchannelHttpHandler = identityHandler));
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

        if (_referrals is not null)
        {
            await _referrals.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        Link?.Dispose();
        await TestRabbitMq.DeleteQueuesAndExchangesAsync(
            ListenerQueue, ReceiveEndpoint, $"{ReceiveEndpoint}_error", $"{ReceiveEndpoint}_skipped",
            ReferralsReceiveEndpoint, $"{ReferralsReceiveEndpoint}_error", $"{ReferralsReceiveEndpoint}_skipped");
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(DatabaseName);
        await TestPostgres.DropDatabaseAsync(ReferralsDatabaseName);
        await TestPostgres.DropDatabaseAsync(IdentityDatabaseName);
    }

    /// <summary>A real token from the in-process identity provider for a user with these roles and municipality.</summary>
    public string Token(string? municipality, params string[] roles) =>
        Task.Run(() => (_identity ?? throw new InvalidOperationException("Not started.")).TokenAsync(municipality, roles)).GetAwaiter().GetResult();

    /// <summary>
    /// The demo officer of an institution (officer.mspbs, …): the provider seeds them in Development with the institution
    /// attribute, which InProcessIdentity's made-up users do not carry. Password grant, as for the other users.
    /// </summary>
    public string OfficerOf(string institution) => _demoTokens.GetOrAdd(institution, code => Task.Run(async () =>
    {
        using var client = new HttpClient(_identity!.Handler(), disposeHandler: false) { BaseAddress = new Uri("http://localhost") };
        using var response = await client.PostAsync("/realms/boards/protocol/openid-connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "boards-cli", ["username"] = $"officer.{code}", ["password"] = "demo", ["scope"] = "openid boards-api",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }).GetAwaiter().GetResult());

    public HttpClient Client(string? token) => Factory.CreateClientWithToken(token);

    public GrpcChannel Channel() => Factory.CreateGrpcChannel();

    public async Task<T> InDbAsync<T>(Func<ServiceDaysDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ServiceDaysDbContext>());
    }

    /// <summary>Referrals created in the referrals service's own database with a request id of this host's days.</summary>
    public async Task<long> ReferralsCreatedFromServiceDaysAsync()
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(ReferralsDatabaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM referrals WHERE \"RequestId\" LIKE 'sd:%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Needs announces a catalog service on the bus; waits until the replica holds that version.</summary>
    public async Task OfferAsync(string municipality, string serviceCode, string institution, string name, int version = 1)
    {
        await Bus.Publish(new ServiceOfferChanged
        {
            MunicipalityCode = municipality,
            ServiceCode = serviceCode,
            Name = name,
            Program = name,
            InstitutionCode = institution,
            Channel = "service_day",
            Categories = ["health"],
            CapacityStatus = "available",
            Version = version,
            OccurredAt = DateTimeOffset.UtcNow,
        });
        await WaitUntilAsync(() => InDbAsync(db => db.CatalogServices.AnyAsync(s =>
            s.MunicipalityCode == municipality && s.ServiceCode == serviceCode && s.Version >= version)), $"catalog service {serviceCode} v{version}");
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

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
