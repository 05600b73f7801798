extern alias referrals;

using System.Collections.Concurrent;
using Boards.Referrals.Contracts.Calls;
using Boards.ServiceDays.Tests.Integration;
using Boards.Testing.Calls;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using referrals::Boards.Referrals.Api.InProcess;
using referrals::Boards.Referrals.Features.ServiceAvailability;
using ReferralsProgram = referrals::Program;

namespace Boards.ServiceDays.Tests.Calls;

/// <summary>
/// The REAL referrals service hosted in-process on Kestrel's HTTP/2 (<see cref="ServiceTestHost{TProgram}"/>: real
/// PostgreSQL and RabbitMQ, real tokens), where a test can withdraw a service (the catalog then says it is not offered),
/// and both adapters of <see cref="IReferralService"/>: ServiceDays' gRPC client as AddReferralSender registers it,
/// sending to that service, and the in-process adapter Referrals registered for itself.
/// </summary>
public sealed class ReferralServiceHost()
    : ServiceTestHost<ReferralsProgram>("referrals", "referralsdb", "Referrals:ReceiveEndpoint", "referrals-municipalities"), IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, byte> _withdrawn = new(StringComparer.Ordinal);
    private ServiceProvider? _serviceDays;

    /// <summary>The referrals service's HTTP/2 endpoint (Kestrel).</summary>
    public string Address { get; private set; } = "";

    /// <summary>ServiceDays' gRPC adapter, through the referrals service's HTTP/2 endpoint.</summary>
    public IReferralService Grpc { get; private set; } = null!;

    /// <summary>Referrals' in-process adapter, from the referrals service's own container.</summary>
    public IReferralService InProcess { get; private set; } = null!;

    /// <summary>From now on the catalog tells the referrals service that this service is not offered.</summary>
    public void Withdraw(string serviceCode) => _withdrawn.TryAdd(serviceCode, 0);

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _serviceDays = CallerModule.Build(
            new Dictionary<string, string?> { ["ServiceDays:Referrals:Address"] = Address }, services => services.AddReferralSender());
        Grpc = _serviceDays.GetRequiredService<IReferralService>();
        InProcess = Services.GetRequiredService<IReferralService>();
        if (Grpc is not GrpcReferralService || InProcess is not InProcessReferralService)
        {
            throw new InvalidOperationException($"Adapters: {Grpc.GetType().Name} and {InProcess.GetType().Name}.");
        }
    }

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:SeedDemoData", "false");
        web.ConfigureTestServices(services =>
        {
            services.AddScoped<OfferCatalogAvailability>();
            services.AddScoped<IServiceAvailability>(provider => new WithdrawnServices(_withdrawn, provider.GetRequiredService<OfferCatalogAvailability>()));
        });
    }

    protected override void Start(WebApplicationFactory<ReferralsProgram> factory) => Address = Http2Server.Start(factory);

    public new async Task DisposeAsync()
    {
        if (_serviceDays is not null)
        {
            await _serviceDays.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>The doors through which the person data of the referral with this request id was read (personal_data_reads).</summary>
    public async Task<List<string>> DoorsAsync(string referralId)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(DatabaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Door\" FROM personal_data_reads WHERE \"ReferralId\" = @id ORDER BY \"Id\"", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(referralId));
        var doors = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            doors.Add(reader.GetString(0));
        }

        return doors;
    }
}
