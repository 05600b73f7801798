extern alias referrals;
global using Boards.Testing;

using System.Collections.Concurrent;
using Boards.Needs.Contracts.Events;
using Boards.ServiceDays.Contracts.Events;
using Boards.ServiceDays.Data;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using referrals::Boards.Referrals.Features.ServiceAvailability;
using ReferralsProgram = referrals::Program;

namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// The ServiceDays service hosted in-process (<see cref="ServiceTestHost{TProgram}"/>: the REAL PostgreSQL and RabbitMQ,
/// fresh databases, its own queue, tokens from our identity provider in-process), plus a bus that publishes Needs'
/// ServiceOfferChanged and listens for ServiceDayHeld and ServiceDayScheduled. The other end of CreateReferral is the REAL referrals service,
/// hosted in-process on its own database and validating the same tokens; the ServiceDays gRPC client reaches it through
/// <see cref="ReferralsLink"/>, which can also point it at a closed port (unreachable). A test can withdraw a service
/// (<see cref="Withdraw"/>): the referrals service then refuses it as not offered.
/// </summary>
public sealed class ServiceDaysHost() : ServiceTestHost<Program>("servicedays", "servicedaysdb", "ServiceDays:ReceiveEndpoint", "servicedays-events"), IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, byte> _withdrawn = new(StringComparer.Ordinal);
    private WebApplicationFactory<ReferralsProgram>? _referrals;

    public string ReferralsDatabaseName => $"servicedays_referrals_test_{Suffix}";
    public string ReferralsReceiveEndpoint => $"servicedays-test-referrals-{Suffix}";

    public ConcurrentQueue<ServiceDayHeld> Held { get; } = new();
    public ConcurrentQueue<ServiceDayScheduled> Scheduled { get; } = new();

    /// <summary>The link from ServiceDays to Referrals: reachable (the in-process service) or not (a closed port).</summary>
    public ReferralsLink Link { get; private set; } = null!;

    protected override void Listen(IReceiveEndpointConfigurator endpoint)
    {
        Collect(endpoint, Held);
        Collect(endpoint, Scheduled);
    }

    /// <summary>The REAL referrals service, on its own database and queue, before ServiceDays.</summary>
    protected override async Task StartingAsync()
    {
        await CreateDatabaseAsync(ReferralsDatabaseName);
        DeleteQueuesAtEnd(ReferralsReceiveEndpoint);
        _referrals = new WebApplicationFactory<ReferralsProgram>().WithWebHostBuilder(web =>
        {
            UseTestInfrastructure(web, "referralsdb", ReferralsDatabaseName, "Referrals:ReceiveEndpoint", ReferralsReceiveEndpoint);
            web.UseSetting("Referrals:SeedDemoData", "false");
            web.ConfigureTestServices(services =>
            {
                services.AddScoped<OfferCatalogAvailability>();
                services.AddScoped<IServiceAvailability>(provider => new WithdrawnServices(_withdrawn, provider.GetRequiredService<OfferCatalogAvailability>()));
            });
        });
        _ = _referrals.Server;
        Link = new ReferralsLink(_referrals.Server.CreateHandler());
    }

    protected override void Configure(IWebHostBuilder web)
    {
        // The address is only what the request names: ReferralsLink decides where it really goes.
        web.UseSetting("ServiceDays:Referrals:Address", ReferralsLink.ClosedPortAddress);
        web.UseSetting("ServiceDays:Referrals:TimeoutSeconds", "10");
        // Undelivered entries are forgotten after two seconds here, and only when a test asks (RetentionSweepTests).
        web.UseSetting("ServiceDays:Retention:ForgetUndeliveredAfter", "00:00:02");
        web.UseSetting("ServiceDays:Retention:AutomaticSweep", "false");
        web.ConfigureTestServices(services =>
            services.AddHttpClient(GrpcReferralService.ClientName).ConfigurePrimaryHttpMessageHandler(() => Link.NewHandler()));
    }

    protected override async Task StoppedAsync()
    {
        if (_referrals is not null)
        {
            await _referrals.DisposeAsync();
        }

        Link?.Dispose();
    }

    /// <summary>
    /// The demo officer of an institution (officer.mspbs, …): the provider seeds them in Development with the institution
    /// attribute, which InProcessIdentity's made-up users do not carry. Password grant, as for the other users.
    /// </summary>
    public string OfficerOf(string institution) =>
        Task.Run(() => Identity.SeededUserTokenAsync($"officer.{institution}")).GetAwaiter().GetResult();

    public Task<T> InDbAsync<T>(Func<ServiceDaysDbContext, Task<T>> action) =>
        InScopeAsync(services => action(services.GetRequiredService<ServiceDaysDbContext>()));

    /// <summary>From now on the referrals service hears from the offer catalog that this service is not offered.</summary>
    public void Withdraw(string serviceCode) => _withdrawn.TryAdd(serviceCode, 0);

    /// <summary>The referrals one day created in the referrals service's own database: request id, destination, service.</summary>
    public async Task<List<(string RequestId, string DestinationInstitution, string ServiceCode)>> ReferralsCreatedForDayAsync(Guid dayId)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(ReferralsDatabaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"RequestId\", \"DestinationInstitution\", \"ServiceCode\" FROM referrals WHERE \"RequestId\" LIKE @prefix ORDER BY \"RequestId\"", connection);
        command.Parameters.AddWithValue("prefix", $"sd:{dayId:N}:%");
        var created = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            created.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return created;
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
}
