using Boards.BuildingBlocks.Errors;
using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.ReferenceData;
using Microsoft.AspNetCore.Routing;

namespace Boards.Referrals.Tests.Integration;

/// <summary>
/// Referrals keeps a replica of Membership's municipality registry: the shipped CSV as a boot snapshot, then whatever
/// MunicipalityRegistered says (newest OccurredAt wins, redeliveries dropped). It no longer serves or announces it.
/// </summary>
public sealed class MunicipalityReplicaTests(ReferralsHost host) : IClassFixture<ReferralsHost>
{
    private static Caller MdsOfficerIn(string municipality) =>
        new("sub-officer", "officer.mds", new HashSet<string> { BoardsRoles.InstitutionOfficer }, null, "mds", new HashSet<string> { municipality });

    private static string NewCode() => $"distrito-{Guid.NewGuid().ToString("N")[..10]}";

    private static MunicipalityRegistered Registered(string code, string name, DateTimeOffset at, string department = "Central", int number = 11) => new()
    {
        Code = code,
        Name = name,
        Department = department,
        DepartmentNumber = number,
        Status = "expansion-2026",
        OccurredAt = at,
    };

    private Task<Municipality?> ReplicaAsync(string code) =>
        host.InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Municipalities.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Code == code));

    private Task<CreateReferralResult> CreateReferralAsync(string municipality) =>
        host.InScopeAsync(services => services.GetRequiredService<CreateReferralHandler>().HandleAsync(new CreateReferralCommand
        {
            RequestId = $"req-{Guid.NewGuid():N}",
            MunicipalityCode = municipality,
            OriginInstitution = "mds",
            DestinationInstitution = "mspbs",
            ServiceCode = "atencion-primaria",
            NeedCategory = "salud",
            Priority = Priority.Normal,
            Reason = "Control prenatal.",
            Person = new PersonInput { DocumentNumber = "1234567", GivenNames = "Rosa", FamilyNames = "Ayala", BirthDate = "1995-04-02", Sex = Sex.Female },
            Consent = new ConsentInput { Given = true, GivenBy = "la persona" },
        }, MdsOfficerIn(municipality), CancellationToken.None));

    [Fact]
    public async Task The_shipped_list_is_loaded_as_a_boot_snapshot_without_announcing_anything()
    {
        var (municipalities, outbox) = await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ReferralsDbContext>();
            var rows = await db.Municipalities.AsNoTracking().Where(m => m.RegisteredAt == null).ToListAsync();
            var announced = await db.Set<Boards.BuildingBlocks.Outbox.OutboxMessage>().CountAsync(m => m.MessageType.Contains("MunicipalityRegistered"));
            return (rows, announced);
        });

        Assert.Contains(municipalities, m => m is { Code: "alto-vera", Name: "Alto Verá", Department: "Itapúa", DepartmentNumber: 7 });
        Assert.True(municipalities.Count >= 17);
        Assert.Equal(0, outbox);
    }

    [Fact]
    public async Task A_referral_can_be_sent_from_a_district_as_soon_as_membership_announces_it()
    {
        var code = NewCode();
        var before = await Assert.ThrowsAsync<ValidationFailedException>(() => CreateReferralAsync(code));
        Assert.Contains("municipalityCode", before.Errors.Keys);

        await host.PublishAndWaitAsync(Registered(code, "Ñemby", DateTimeOffset.UtcNow));

        var replica = await ReplicaAsync(code);
        Assert.NotNull(replica);
        Assert.Equal(("Ñemby", "Central", 11, "expansion-2026"), (replica.Name, replica.Department, replica.DepartmentNumber, replica.Status));
        Assert.NotNull(replica.RegisteredAt);
        var created = await CreateReferralAsync(code);
        Assert.Equal(code, created.Referral.MunicipalityCode);
        Assert.False(created.Replayed);
        // This host has no Referrals:Needs:Address: nothing is asked, the referral goes through not verified.
        Assert.Equal(AvailabilityVerification.NotVerified, created.Referral.Availability!.Verification);
        Assert.Equal(Boards.Referrals.Features.ServiceAvailability.OfferCatalogAvailability.NotConfigured, created.Referral.Availability.Message);
    }

    [Fact]
    public async Task A_later_announcement_wins_over_the_boot_snapshot_and_an_older_one_is_ignored()
    {
        // A code of the shipped list, renamed by Membership; then an announcement from before that arrives late.
        var now = DateTimeOffset.UtcNow;
        await host.PublishAndWaitAsync(Registered("villa-oliva", "Villa Oliva (corregido)", now, "Ñeembucú", 12));
        await host.PublishAndWaitAsync(Registered("villa-oliva", "Villa Oliva (viejo)", now.AddMinutes(-5), "Ñeembucú", 12));

        var replica = await ReplicaAsync("villa-oliva");
        Assert.Equal("Villa Oliva (corregido)", replica!.Name);
        Assert.Equal("expansion-2026", replica.Status);
        Assert.Equal(now.ToUniversalTime(), replica.RegisteredAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_redelivered_announcement_is_handled_once_and_codes_are_normalized()
    {
        var code = NewCode();
        var id = Guid.CreateVersion7();
        var message = Registered($"  {code.ToUpperInvariant()} ", " Luque ", DateTimeOffset.UtcNow);

        await host.PublishAndWaitAsync(message, id);
        await host.PublishAndWaitAsync(message, id);

        Assert.Equal("Luque", (await ReplicaAsync(code))!.Name);
        var inbox = await host.InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Set<InboxMessage>()
            .CountAsync(m => m.MessageId == id));
        Assert.Equal(1, inbox);
    }

    [Fact]
    public void Referrals_serves_institutions_but_no_longer_municipalities()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToList();

        Assert.Contains("/api/institutions", routes);
        Assert.DoesNotContain(routes, r => r?.StartsWith("/api/municipalities", StringComparison.Ordinal) == true);
    }
}
