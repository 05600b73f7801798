using Boards.Needs.Contracts.Grpc;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.ServiceAvailability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Boards.Referrals.Tests.Integration;

/// <summary>
/// One replica of the needs service's offer catalog: a REAL gRPC server (Kestrel, HTTP/2 cleartext like needs' `grpc`
/// endpoint) answering CheckAvailability "offered, available" and counting the questions.
/// </summary>
public sealed class CatalogReplica : OfferCatalog.OfferCatalogBase, IAsyncDisposable
{
    private WebApplication? _app;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Url { get; private set; } = "";

    public static async Task<CatalogReplica> StartAsync()
    {
        var replica = new CatalogReplica();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(replica);
        replica._app = builder.Build();
        replica._app.MapGrpcService<CatalogReplica>();
        await replica._app.StartAsync();
        replica.Url = replica._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return replica;
    }

    public override Task<Availability> CheckAvailability(CheckAvailabilityRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new Availability
        {
            Offered = true, CapacityStatus = CapacityStatus.Available, ServiceName = "USF Centro", Message = "Hay cupo.",
        });
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>Referrals with needs scaled to two replicas, configured as the AppHost does it: a service-discovery name.</summary>
public sealed class TwoNeedsReplicasHost : ReferralsHost
{
    public CatalogReplica A { get; private set; } = null!;

    public CatalogReplica B { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        A = await CatalogReplica.StartAsync();
        B = await CatalogReplica.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:Needs:Address", "http://_grpc.needs");
        web.UseSetting("services:needs:grpc:0", A.Url);
        web.UseSetting("services:needs:grpc:1", B.Url);
        // Every referral asks here, so that the calls show how they spread (AvailabilityCacheTests cover the cache).
        web.UseSetting("Referrals:Needs:AvailabilityCacheSeconds", "0");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

/// <summary>
/// The catalog check spreads over the needs replicas call by call, leaves a stopped one alone, and with none left the
/// referral is still created, not verified, as when needs is down.
/// </summary>
public sealed class BalancedNeedsTests(TwoNeedsReplicasHost host) : IClassFixture<TwoNeedsReplicasHost>
{
    private async Task<AvailabilityCheck> CreateAsync()
    {
        var created = await host.InScopeAsync(services => services.GetRequiredService<CreateReferralHandler>()
            .HandleAsync(TestReferralRequests.New(), TestReferralRequests.MdsOfficer, CancellationToken.None));
        return created.Referral.Availability!;
    }

    [Fact]
    public async Task Each_check_goes_to_the_next_replica_a_stopped_one_gets_none_and_with_none_the_referral_is_not_verified()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(AvailabilityVerification.Verified, (await CreateAsync()).Verification);
        }

        Assert.Equal(10, host.A.Calls + host.B.Calls);
        Assert.True(host.A.Calls >= 2 && host.B.Calls >= 2, $"a={host.A.Calls}, b={host.B.Calls}");

        await host.A.StopAsync();
        var callsToA = host.A.Calls;
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(AvailabilityVerification.Verified, (await CreateAsync()).Verification);
        }

        Assert.Equal(callsToA, host.A.Calls);

        await host.B.StopAsync();
        var unverified = await CreateAsync();

        // Unreachable (Unavailable), not the deadline's message: with every replica gone the call fails at once.
        Assert.Equal((AvailabilityVerification.NotVerified, OfferCatalogAvailability.Unreachable), (unverified.Verification, unverified.Message));
    }
}
