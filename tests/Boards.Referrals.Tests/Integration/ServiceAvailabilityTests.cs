using System.Collections.Concurrent;
using Boards.BuildingBlocks.Outbox;
using Boards.Referrals.Contracts.Events;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.ServiceAvailability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Boards.Referrals.Tests.Integration;

/// <summary>The referrals host on real PostgreSQL with a scripted catalog in place of the needs service.</summary>
public sealed class ScriptedCatalogHost : ReferralsHost
{
    public ScriptedAvailability Catalog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder web) =>
        web.ConfigureTestServices(services => services.AddSingleton<IServiceAvailability>(Catalog));
}

/// <summary>Answers per service code; counts the questions.</summary>
public sealed class ScriptedAvailability : IServiceAvailability
{
    private readonly ConcurrentDictionary<string, AvailabilityAnswer> _answers = new();
    private int _calls;

    public int Calls => _calls;

    public void Answer(string serviceCode, AvailabilityAnswer answer) => _answers[serviceCode] = answer;

    public Task<AvailabilityAnswer> CheckAsync(string municipalityCode, string serviceCode, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(_answers.TryGetValue(serviceCode, out var answer) ? answer : AvailabilityAnswer.NotVerified("sin guion"));
    }
}

/// <summary>CreateReferralHandler with the catalog's answer: refused and nothing written, waitlisted, verified, not re-asked on replay.</summary>
public sealed class ServiceAvailabilityTests(ScriptedCatalogHost host) : IClassFixture<ScriptedCatalogHost>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string NewCode() => $"svc-{Guid.NewGuid().ToString("N")[..10]}";

    private Task<CreateReferralResult> CreateAsync(CreateReferralCommand command) =>
        host.InScopeAsync(services => services.GetRequiredService<CreateReferralHandler>().HandleAsync(command, TestReferralRequests.MdsOfficer, CancellationToken.None));

    private Task<(Referral? Referral, List<ReferralRequested> Requested)> StoredAsync(string requestId) =>
        host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ReferralsDbContext>();
            var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == requestId);
            var requested = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("ReferralRequested")).ToListAsync())
                .Select(m => JsonSerializer.Deserialize<ReferralRequested>(m.Payload, Web)!)
                .Where(e => e.ReferralId == referral?.Id)
                .ToList();
            return (referral, requested);
        });

    [Fact]
    public async Task A_service_the_destination_does_not_offer_is_refused_and_nothing_is_written()
    {
        var code = NewCode();
        host.Catalog.Answer(code, new AvailabilityAnswer { Verified = true, Offered = false, Message = $"El servicio '{code}' no se ofrece en Pilar." });
        var command = TestReferralRequests.New(code);

        var refused = await Assert.ThrowsAsync<ServiceNotOfferedException>(() => CreateAsync(command));

        Assert.Equal($"El servicio '{code}' no se ofrece en Pilar.", refused.Message);
        Assert.Null((await StoredAsync(command.RequestId!)).Referral);
    }

    [Fact]
    public async Task A_full_service_is_sent_waitlisted_and_the_event_says_so()
    {
        var code = NewCode();
        host.Catalog.Answer(code, new AvailabilityAnswer
        {
            Verified = true, Offered = true, CapacityStatus = "full", ServiceName = "USF Centro", Message = "'USF Centro' no tiene cupo este mes en Pilar.",
        });
        var command = TestReferralRequests.New(code);

        var created = await CreateAsync(command);

        var (stored, events) = await StoredAsync(command.RequestId!);
        Assert.NotNull(stored);
        var availability = stored.Availability!;
        Assert.Equal((AvailabilityVerification.Verified, "full", true), (availability.Verification, availability.CapacityStatus, availability.Waitlisted));
        Assert.Equal($"'USF Centro' no tiene cupo este mes en Pilar. {AvailabilityPolicy.WaitlistWarning}", availability.Message);
        Assert.Equal(created.Referral.Availability!.CheckedAt, availability.CheckedAt, TimeSpan.FromMilliseconds(1));
        var requested = Assert.Single(events);
        Assert.Equal((true, true, "full"), (requested.AvailabilityVerified, requested.Waitlisted, requested.CapacityStatus));
    }

    [Fact]
    public async Task A_waitlist_keeps_its_band_and_an_available_service_is_verified_without_flag()
    {
        var waitlist = NewCode();
        var available = NewCode();
        host.Catalog.Answer(waitlist, new AvailabilityAnswer { Verified = true, Offered = true, CapacityStatus = "waitlist", WaitlistBand = "over_3_months", Message = "Hay lista de espera." });
        host.Catalog.Answer(available, new AvailabilityAnswer { Verified = true, Offered = true, CapacityStatus = "available", Message = "Hay cupo." });

        var onWaitlist = (await CreateAsync(TestReferralRequests.New(waitlist))).Referral.Availability!;
        var withPlace = (await CreateAsync(TestReferralRequests.New(available))).Referral.Availability!;

        Assert.Equal(("waitlist", "over_3_months", true), (onWaitlist.CapacityStatus, onWaitlist.WaitlistBand, onWaitlist.Waitlisted));
        Assert.Equal((AvailabilityVerification.Verified, "available", false, "Hay cupo."),
            (withPlace.Verification, withPlace.CapacityStatus, withPlace.Waitlisted, withPlace.Message));
    }

    [Fact]
    public async Task A_replayed_request_does_not_ask_the_catalog_again()
    {
        var code = NewCode();
        host.Catalog.Answer(code, new AvailabilityAnswer { Verified = true, Offered = true, CapacityStatus = "available", Message = "Hay cupo." });
        var command = TestReferralRequests.New(code);
        var first = await CreateAsync(command);
        var calls = host.Catalog.Calls;

        // Even if the catalog changed its mind meanwhile, the replay answers with what was recorded.
        host.Catalog.Answer(code, new AvailabilityAnswer { Verified = true, Offered = false, Message = "Ya no se ofrece." });
        var again = await CreateAsync(command);

        Assert.True(again.Replayed);
        Assert.Equal(first.Referral.Id, again.Referral.Id);
        Assert.Equal(calls, host.Catalog.Calls);
        Assert.Equal("Hay cupo.", again.Referral.Availability!.Message);
    }
}
