using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.ServiceAvailability;
using Microsoft.AspNetCore.Hosting;

namespace Boards.Referrals.Tests.Integration;

/// <summary>Referrals with one real needs catalog replica, addressed by a service-discovery name as the AppHost does.</summary>
public sealed class OneNeedsReplicaHost : ReferralsHost
{
    /// <summary>Short, so that the test can see an answer expire; production keeps one for a minute.</summary>
    public const double CacheSeconds = 3;

    public CatalogReplica Replica { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Replica = await CatalogReplica.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:Needs:Address", "http://_grpc.needs");
        web.UseSetting("services:needs:grpc:0", Replica.Url);
        web.UseSetting("Referrals:Needs:AvailabilityCacheSeconds", CacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Replica.DisposeAsync();
    }
}

/// <summary>
/// One catalog question per destination and service within the cache's lifetime; asked again once it is over; and a
/// stopped needs is noticed by the very next referral, which goes through not verified, cached answer or not.
/// </summary>
public sealed class AvailabilityCacheTests(OneNeedsReplicaHost host) : IClassFixture<OneNeedsReplicaHost>
{
    private async Task<AvailabilityCheck> CreateAsync(string serviceCode, string destination = "pilar")
    {
        var created = await host.InScopeAsync(services => services.GetRequiredService<CreateReferralHandler>()
            .HandleAsync(TestReferralRequests.New(serviceCode, destination), TestReferralRequests.MdsOfficer, CancellationToken.None));
        return created.Referral.Availability!;
    }

    [Fact]
    public async Task Referrals_to_the_same_service_ask_once_per_lifetime_then_again_and_a_stopped_needs_is_noticed_at_once()
    {
        var first = await CreateAsync("usf-centro");
        var asked = host.Replica.Calls;
        var second = await CreateAsync("usf-centro");

        Assert.Equal((AvailabilityVerification.Verified, "available"), (second.Verification, second.CapacityStatus));
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(asked, host.Replica.Calls);

        // Another service, or the same one elsewhere, is its own question.
        await CreateAsync("tekopora");
        await CreateAsync("usf-centro", destination: "alto-vera");
        Assert.Equal(asked + 2, host.Replica.Calls);

        await Task.Delay(TimeSpan.FromSeconds(OneNeedsReplicaHost.CacheSeconds + 0.5));
        Assert.Equal(AvailabilityVerification.Verified, (await CreateAsync("usf-centro")).Verification);
        Assert.Equal(asked + 3, host.Replica.Calls);

        // Fresh in the cache, but needs is gone: the referral is created not verified, as without a cache.
        await host.Replica.StopAsync();
        var unverified = await CreateAsync("usf-centro");
        Assert.Equal((AvailabilityVerification.NotVerified, OfferCatalogAvailability.Unreachable), (unverified.Verification, unverified.Message));
    }
}
