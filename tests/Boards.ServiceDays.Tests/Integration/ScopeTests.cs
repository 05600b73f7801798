using System.Net.Http.Headers;

namespace Boards.ServiceDays.Tests.Integration;

public sealed class ScopeTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "pilar";

    private async Task<(string Id, string Service)> ConfirmedDayAsync()
    {
        var service = $"consulta-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync(Municipality, service, "mspbs", "Consulta médica");
        var admin = host.Client(host.Token(null, BoardsRoles.MinistryAdmin));
        var day = await (await admin.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/service-days/{day.Str("id")}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        return (day.Str("id"), service);
    }

    [Fact]
    public async Task Without_a_token_every_route_answers_401_and_grpc_Unauthenticated()
    {
        var (id, service) = await ConfirmedDayAsync();
        var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/service-days")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/service-days/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync($"/api/service-days/{id}/attendance-batches",
            new { batchId = "x", entries = new[] { new { serviceCode = service, anonymousCount = 1 } } })).StatusCode);

        var client = new ServiceDayService.ServiceDayServiceClient(host.Channel());
        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetServiceDayAsync(new GetServiceDayRequest { Id = id }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_focal_point_of_another_municipality_gets_403_and_an_analyst_reads_but_does_not_write()
    {
        var (id, service) = await ConfirmedDayAsync();
        var other = host.Client(host.Token("alto-vera", BoardsRoles.FocalPoint));
        var forbidden = await (await other.GetAsync($"/api/service-days/{id}")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("alto-vera", forbidden.Str("detail"));
        await (await other.GetAsync($"/api/service-days?municipality={Municipality}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await other.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsync($"/api/service-days/{id}/hold", null)).JsonAsync(HttpStatusCode.Forbidden);

        var own = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        await (await own.GetAsync($"/api/service-days/{id}")).JsonAsync(HttpStatusCode.OK);

        var analyst = host.Client(host.Token(null, BoardsRoles.MinistryAnalyst));
        await (await analyst.GetAsync($"/api/service-days/{id}")).JsonAsync(HttpStatusCode.OK);
        var list = await (await analyst.GetAsync($"/api/service-days?municipality={Municipality}&status=confirmed")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), d => d.Str("id") == id);
        await (await analyst.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Forbidden);
        await (await analyst.PostAsync($"/api/service-days/{id}/hold", null)).JsonAsync(HttpStatusCode.Forbidden);
        await (await analyst.PostJsonAsync($"/api/service-days/{id}/attendance-batches",
            new { batchId = "analista", entries = new[] { new { serviceCode = service, anonymousCount = 1 } } })).JsonAsync(HttpStatusCode.Forbidden);

        // An officer whose institution does not take part in the day may read it, not record in it.
        var mds = host.Client(host.OfficerOf("mds"));
        await (await mds.GetAsync($"/api/service-days/{id}")).JsonAsync(HttpStatusCode.OK);
        await (await mds.PostJsonAsync($"/api/service-days/{id}/attendance-batches",
            new { batchId = "mds-1", entries = new[] { new { serviceCode = service, anonymousCount = 1 } } })).JsonAsync(HttpStatusCode.Forbidden);
        await (await mds.PostJsonAsync($"/api/service-days/{id}/referrals",
            new { entries = new[] { Requests.Referral("mds-ref", "1234567", origin: "mds") } })).JsonAsync(HttpStatusCode.Forbidden);

        var grpc = new ServiceDayService.ServiceDayServiceClient(host.Channel());
        var denied = await Assert.ThrowsAsync<RpcException>(() => grpc.GetServiceDayAsync(new GetServiceDayRequest { Id = id }, Bearer(host.Token("alto-vera", BoardsRoles.FocalPoint))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task An_integrator_records_attendance_over_grpc_and_a_resent_batch_counts_once()
    {
        var (id, service) = await ConfirmedDayAsync();
        var grpc = new ServiceDayService.ServiceDayServiceClient(host.Channel());
        var integrator = Bearer(host.Token(null, BoardsRoles.Integrator)); // integrator-demo acts for mspbs
        var request = new RecordAttendanceRequest
        {
            ServiceDayId = id,
            BatchId = "sistema-mspbs-1",
            Entries =
            {
                new AttendanceEntry { ServiceCode = service, DocumentNumber = "5555555" },
                new AttendanceEntry { ServiceCode = service, AnonymousCount = 4 },
            },
        };
        var first = await grpc.RecordAttendanceAsync(request, integrator);
        Assert.Equal((false, 1, 4, 5), (first.Replayed, first.Identified, first.Anonymous, first.PeopleServed));
        var again = await grpc.RecordAttendanceAsync(request, integrator);
        Assert.Equal((true, 1, 4, 5), (again.Replayed, again.Identified, again.Anonymous, again.PeopleServed));

        request.Entries[1].AnonymousCount = 3;
        var conflict = await Assert.ThrowsAsync<RpcException>(() => grpc.RecordAttendanceAsync(request, integrator).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, conflict.StatusCode);

        var day = await grpc.GetServiceDayAsync(new GetServiceDayRequest { Id = id }, integrator);
        Assert.Equal(("confirmed", 5), (day.Status, day.PeopleServed));
        var list = await grpc.ListServiceDaysAsync(new ListServiceDaysRequest { MunicipalityCode = Municipality, Status = "confirmed" }, integrator);
        Assert.Contains(list.ServiceDays, d => d.Id == id);
    }

    [Fact]
    public async Task A_referral_the_referrals_service_refuses_shows_its_reason_for_that_person()
    {
        var (id, _) = await ConfirmedDayAsync();
        // The ministry administrator manages the day, but the referrals service lets only the origin send referrals.
        var admin = host.Client(host.Token(null, BoardsRoles.MinistryAdmin));
        var answer = await (await admin.PostJsonAsync($"/api/service-days/{id}/referrals",
            new { entries = new[] { Requests.Referral("admin-1", "7654321") } })).JsonAsync(HttpStatusCode.OK);
        var entry = answer.GetProperty("entries")[0];
        Assert.Equal("failed", entry.Str("status"));
        Assert.StartsWith("El servicio de referencias no aceptó su cuenta", entry.Str("error"));
        Assert.Equal(0, await host.ReferralsCreatedFromServiceDaysAsync());

        // The municipality's focal point retries the same entry: it is now sent, once.
        var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        var retried = await (await focal.PostAsync($"/api/service-days/{id}/referrals/admin-1/retry", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("sent", 2), (retried.Str("status"), retried.Int("attempts")));
        var listed = await (await focal.GetAsync($"/api/service-days/{id}/referrals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(retried.Str("referralId"), listed[0].Str("referralId"));
        await (await focal.PostAsync($"/api/service-days/{id}/referrals/no-existe/retry", null)).JsonAsync(HttpStatusCode.NotFound);
    }

    private static Metadata Bearer(string token) => new() { { "authorization", new AuthenticationHeaderValue("Bearer", token).ToString() } };
}
