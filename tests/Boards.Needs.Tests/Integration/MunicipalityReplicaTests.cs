using Boards.Membership.Contracts.Events;
using Proto = Boards.Needs.Contracts.Grpc;

namespace Boards.Needs.Tests.Integration;

/// <summary>The municipality replica: the shipped boot snapshot, and MunicipalityRegistered from the bus.</summary>
public sealed class MunicipalityReplicaTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    [Fact]
    public async Task The_shipped_municipalities_are_in_the_replica_at_start()
    {
        var names = await host.InScopeAsync(services =>
            services.GetRequiredService<NeedsDbContext>().Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name));

        Assert.Equal("Alto Verá", names["alto-vera"]);
        Assert.Equal("Pilar", names["pilar"]);
        Assert.True(names.Count >= 18);
    }

    [Fact]
    public async Task A_municipality_registered_on_the_bus_becomes_usable_for_the_catalog()
    {
        var code = $"e2e-{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = host.Client(host.Admin());
        var before = await (await admin.PostJsonAsync($"/api/offer/{code}/services", Http.Service("tekopora"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["municipalityCode"], before.ErrorFields());

        await host.Bus.Publish(new MunicipalityRegistered
        {
            Code = code,
            Name = "Distrito Nuevo",
            Department = "Boquerón",
            DepartmentNumber = 16,
            Status = "expansion-2026",
            OccurredAt = DateTimeOffset.UtcNow,
        });
        await NeedsHost.WaitUntilAsync(
            () => host.InScopeAsync(services => services.GetRequiredService<NeedsDbContext>().Municipalities.AnyAsync(m => m.Code == code)),
            $"municipality {code} in the replica");

        await (await admin.PostJsonAsync($"/api/offer/{code}/services", Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        using var channel = host.Channel();
        var availability = await new Proto.OfferCatalog.OfferCatalogClient(channel).CheckAvailabilityAsync(
            new Proto.CheckAvailabilityRequest { MunicipalityCode = code, ServiceCode = "no-existe" },
            new Grpc.Core.Metadata { { "authorization", $"Bearer {host.Integrator()}" } });
        Assert.Equal("El servicio 'no-existe' no se ofrece en Distrito Nuevo.", availability.Message);
    }
}
