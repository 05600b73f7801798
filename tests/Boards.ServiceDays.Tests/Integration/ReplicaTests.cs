using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Needs.Contracts.Events;

namespace Boards.ServiceDays.Tests.Integration;

public sealed class ReplicaTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    [Fact]
    public async Task An_older_catalog_version_arriving_late_does_not_overwrite_a_newer_one()
    {
        var service = $"pension-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync("capiibary", service, "mds", "Pensión Alimentaria para Adultos Mayores", version: 3);
        var handled = await HandledAsync(nameof(ServiceOfferChanged));
        await host.Bus.Publish(new ServiceOfferChanged
        {
            MunicipalityCode = "capiibary", ServiceCode = service, Name = "Nombre viejo", InstitutionCode = "mspbs",
            Categories = ["social_security"], CapacityStatus = "full", Version = 2, OccurredAt = DateTimeOffset.UtcNow.AddDays(-1),
        });
        await ServiceDaysHost.WaitUntilAsync(async () => await HandledAsync(nameof(ServiceOfferChanged)) > handled, "the stale event handled");

        var row = await host.InDbAsync(db => db.CatalogServices.AsNoTracking().SingleAsync(s => s.MunicipalityCode == "capiibary" && s.ServiceCode == service));
        Assert.Equal((3, "Pensión Alimentaria para Adultos Mayores", "mds", "available"), (row.Version, row.Name, row.InstitutionCode, row.CapacityStatus));
    }

    [Fact]
    public async Task A_district_registered_in_Membership_can_have_service_days()
    {
        var code = $"nuevo-{Guid.NewGuid().ToString("N")[..8]}";
        await host.Bus.Publish(new MunicipalityRegistered
        {
            Code = code, Name = "Itanará", Department = "Canindeyú", DepartmentNumber = 14, Status = "active", OccurredAt = DateTimeOffset.UtcNow,
        });
        await ServiceDaysHost.WaitUntilAsync(() => host.InDbAsync(db => db.Municipalities.AnyAsync(m => m.Code == code)), $"municipality {code}");
        await host.OfferAsync(code, "usf-itanara", "mspbs", "Unidad de Salud de la Familia");

        var admin = host.Client(host.Token(null, BoardsRoles.MinistryAdmin));
        var day = await (await admin.PostJsonAsync("/api/service-days", Requests.Day(code, ("mspbs", ["usf-itanara"])))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(code, day.Str("municipalityCode"));
    }

    private Task<int> HandledAsync(string message) =>
        host.InDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Consumer == message + "Consumer"));
}
