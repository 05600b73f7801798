using System.Text.Json;
using Boards.BuildingBlocks.Outbox;
using Boards.ServiceDays.Contracts.Events;

namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// ServiceDayScheduled (what Notifications needs for "a service day takes place tomorrow"): every change of a day's
/// schedule or status publishes the day as it now stands, through the outbox and real RabbitMQ, with a higher Version;
/// a refused change publishes nothing.
/// </summary>
public sealed class ScheduledEventTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "capiibary";

    private async Task<string> OfferedServiceAsync()
    {
        var service = $"vacunas-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync(Municipality, service, "mspbs", "Vacunación");
        return service;
    }

    /// <summary>Waits until the listener has received that version of the day, and returns it.</summary>
    private async Task<ServiceDayScheduled> ReceivedAsync(string id, long version)
    {
        await ServiceDaysHost.WaitUntilAsync(
            () => Task.FromResult(host.Scheduled.Any(s => s.ServiceDayId == Guid.Parse(id) && s.Version == version)),
            $"ServiceDayScheduled v{version} of {id}");
        return host.Scheduled.Single(s => s.ServiceDayId == Guid.Parse(id) && s.Version == version);
    }

    private List<long> VersionsReceived(string id) =>
        host.Scheduled.Where(s => s.ServiceDayId == Guid.Parse(id)).Select(s => s.Version).Order().ToList();

    /// <summary>Every ServiceDayScheduled the service has written to its outbox (published or not).</summary>
    private Task<List<ServiceDayScheduled>> InOutboxAsync() => host.InDbAsync(async db =>
    {
        var type = OutboxDbContextExtensions.MessageTypeName(typeof(ServiceDayScheduled));
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == type).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<ServiceDayScheduled>(p, JsonSerializerOptions.Web)!).ToList();
    });

    [Fact]
    public async Task Planning_editing_confirming_and_cancelling_each_publish_the_day_with_a_higher_version()
    {
        var service = await OfferedServiceAsync();
        var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));

        var id = (await (await focal.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service]))))
            .JsonAsync(HttpStatusCode.Created)).Str("id");
        var planned = await ReceivedAsync(id, 1);
        Assert.Equal((Municipality, "Compañía San Blas", new DateOnly(2026, 12, 5), "planned"),
            (planned.MunicipalityCode, planned.Locality, planned.Date, planned.Status));

        var edited = await (await focal.PutJsonAsync($"/api/service-days/{id}",
            Requests.DayAt(Municipality, "Barrio San Roque", "2026-12-12", ("mspbs", [service])))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, edited.Int("version"));
        var moved = await ReceivedAsync(id, 2);
        Assert.Equal(("Barrio San Roque", new DateOnly(2026, 12, 12), "planned"), (moved.Locality, moved.Date, moved.Status));

        await (await focal.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        var confirmed = await ReceivedAsync(id, 3);
        Assert.Equal(("confirmed", new DateOnly(2026, 12, 12)), (confirmed.Status, confirmed.Date));

        await (await focal.PostJsonAsync($"/api/service-days/{id}/cancel", new { reason = "Crecida del arroyo: camino cortado." })).JsonAsync(HttpStatusCode.OK);
        var cancelled = await ReceivedAsync(id, 4);
        Assert.Equal(("cancelled", Municipality, "Barrio San Roque"), (cancelled.Status, cancelled.MunicipalityCode, cancelled.Locality));

        Assert.True(planned.OccurredAt <= moved.OccurredAt && moved.OccurredAt <= confirmed.OccurredAt && confirmed.OccurredAt <= cancelled.OccurredAt);
        Assert.Equal([1, 2, 3, 4], VersionsReceived(id));
        Assert.Equal([1, 2, 3, 4], (await InOutboxAsync()).Where(s => s.ServiceDayId == Guid.Parse(id)).Select(s => s.Version).Order());
    }

    [Fact]
    public async Task Holding_and_reporting_publish_held_then_reported_and_a_correction_publishes_again()
    {
        var service = await OfferedServiceAsync();
        var admin = host.Client(host.Token(null, BoardsRoles.MinistryAdmin));
        var id = (await (await admin.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service]))))
            .JsonAsync(HttpStatusCode.Created)).Str("id");
        await (await admin.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/service-days/{id}/hold", null)).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostJsonAsync($"/api/service-days/{id}/report", new { notes = "Sin novedades." })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostJsonAsync($"/api/service-days/{id}/report", new { notes = "Corrección: sin novedades." })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("planned", (await ReceivedAsync(id, 1)).Status);
        Assert.Equal("confirmed", (await ReceivedAsync(id, 2)).Status);
        Assert.Equal("held", (await ReceivedAsync(id, 3)).Status);
        Assert.Equal("reported", (await ReceivedAsync(id, 4)).Status);
        Assert.Equal("reported", (await ReceivedAsync(id, 5)).Status);
        Assert.Equal([1, 2, 3, 4, 5], VersionsReceived(id));
    }

    [Fact]
    public async Task A_refused_change_publishes_nothing()
    {
        var service = await OfferedServiceAsync();
        var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        var id = (await (await focal.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service]))))
            .JsonAsync(HttpStatusCode.Created)).Str("id");
        await ReceivedAsync(id, 1);
        var before = (await InOutboxAsync()).Count;

        // Bad input: a new day and an edit with a date that is not one, a cancellation without a reason.
        await (await focal.PostJsonAsync("/api/service-days", Requests.DayAt(Municipality, "Compañía San Blas", "12/12/2026", ("mspbs", [service]))))
            .JsonAsync(HttpStatusCode.BadRequest);
        await (await focal.PutJsonAsync($"/api/service-days/{id}", Requests.DayAt(Municipality, "", "2026-12-12", ("mspbs", [service]))))
            .JsonAsync(HttpStatusCode.BadRequest);
        await (await focal.PostJsonAsync($"/api/service-days/{id}/cancel", new { reason = " " })).JsonAsync(HttpStatusCode.BadRequest);
        // A move the lifecycle refuses.
        await (await focal.PostAsync($"/api/service-days/{id}/hold", null)).JsonAsync(HttpStatusCode.Conflict);
        // Another municipality's focal point.
        var other = host.Client(host.Token("alto-vera", BoardsRoles.FocalPoint));
        await (await other.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Forbidden);
        await (await other.PutJsonAsync($"/api/service-days/{id}", Requests.DayAt(Municipality, "Barrio San Roque", "2026-12-12", ("mspbs", [service]))))
            .JsonAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.Forbidden);
        await (await other.PostJsonAsync($"/api/service-days/{id}/cancel", new { reason = "No corresponde." })).JsonAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, (await InOutboxAsync()).Count);

        // The next accepted change is version 2, and nothing else arrived on the bus for this day in between.
        await (await focal.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("confirmed", (await ReceivedAsync(id, 2)).Status);
        Assert.Equal([1, 2], VersionsReceived(id));
        Assert.Equal(before + 1, (await InOutboxAsync()).Count);
    }
}
