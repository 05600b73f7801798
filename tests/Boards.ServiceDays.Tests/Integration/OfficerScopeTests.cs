using System.Net.Http.Headers;

namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// Issue 16: an institution officer recorded attendance and referrals on any day their institution took part in, in
/// every municipality. An officer records only where their token says they serve (attribute municipalities); an
/// integrator stays national for its institution; reading days is unchanged (they carry no personal data).
/// </summary>
public sealed class OfficerScopeTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "pilar";

    private async Task<(string Id, string Service)> ConfirmedDayAsync()
    {
        var service = $"consulta-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync(Municipality, service, "mspbs", "Consulta médica");
        var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var day = await (await admin.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/service-days/{day.Str("id")}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        return (day.Str("id"), service);
    }

    private static object Batch(string batchId, string service) => new { batchId, entries = new[] { new { serviceCode = service, anonymousCount = 1 } } };

    [Fact]
    public async Task An_officer_records_only_where_they_serve_and_still_reads_every_day()
    {
        var (id, service) = await ConfirmedDayAsync();
        using var elsewhere = host.Client(await host.OfficerTokenAsync("mspbs", "alto-vera", "yhu"));
        using var nowhere = host.Client(await host.OfficerTokenAsync("mspbs"));
        using var serving = host.Client(await host.OfficerTokenAsync("mspbs", "alto-vera", Municipality));

        foreach (var officer in new[] { elsewhere, nowhere })
        {
            await (await officer.GetAsync($"/api/service-days/{id}")).JsonAsync(HttpStatusCode.OK);
            var refused = await (await officer.PostJsonAsync($"/api/service-days/{id}/attendance-batches", Batch($"fuera-{Guid.NewGuid():N}", service)))
                .JsonAsync(HttpStatusCode.Forbidden);
            Assert.Contains("municipalities", refused.Str("detail"), StringComparison.Ordinal);
            await (await officer.PostJsonAsync($"/api/service-days/{id}/referrals",
                new { entries = new[] { Requests.Referral($"fuera-{Guid.NewGuid():N}", "1234567") } })).JsonAsync(HttpStatusCode.Forbidden);
        }

        var counted = await (await serving.PostJsonAsync($"/api/service-days/{id}/attendance-batches", Batch("sirve-1", service))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, counted.Int("peopleServed"));

        // gRPC asks the same question.
        var grpc = new ServiceDayService.ServiceDayServiceClient(host.Channel());
        var bearer = Bearer(await host.OfficerTokenAsync("mspbs", "alto-vera", "yhu"));
        var denied = await Assert.ThrowsAsync<RpcException>(() => grpc.RecordAttendanceAsync(new RecordAttendanceRequest
        {
            ServiceDayId = id, BatchId = "grpc-fuera", Entries = { new AttendanceEntry { ServiceCode = service, AnonymousCount = 1 } },
        }, bearer).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task An_integrator_records_in_every_municipality_for_its_institution()
    {
        var (id, service) = await ConfirmedDayAsync();
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator)); // integrator-demo acts for mspbs

        var counted = await (await integrator.PostJsonAsync($"/api/service-days/{id}/attendance-batches", Batch("integrador-1", service)))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, counted.Int("peopleServed"));
    }

    private static Metadata Bearer(string token) => new() { { "authorization", new AuthenticationHeaderValue("Bearer", token).ToString() } };
}
