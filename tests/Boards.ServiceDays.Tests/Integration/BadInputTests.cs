using Google.Rpc;

namespace Boards.ServiceDays.Tests.Integration;

public sealed class BadInputTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "yhu";

    [Fact]
    public async Task A_day_with_every_field_wrong_is_one_400_naming_each_field_and_writes_nothing()
    {
        var admin = host.Client(host.Token(null, BoardsRoles.MinistryAdmin));
        var before = await host.InDbAsync(db => db.Days.CountAsync());
        var problem = await (await admin.PostJsonAsync("/api/service-days", new
        {
            municipalityCode = "no-existe",
            locality = "",
            date = "05/12/2026",
            venue = " ",
            expectedAttendance = 0,
            institutions = new[] { new { institutionCode = "", services = new[] { "no-esta" } } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["date", "expectedAttendance", "institutions[0].institutionCode", "institutions[0].services[0]", "locality", "municipalityCode", "venue"],
            problem.ErrorFields());
        Assert.Contains("'no-esta'", problem.GetProperty("errors").GetProperty("institutions[0].services[0]")[0].GetString());
        Assert.Equal(before, await host.InDbAsync(db => db.Days.CountAsync()));
    }

    [Fact]
    public async Task A_service_outside_the_municipalitys_catalog_is_a_field_error_naming_it()
    {
        var service = $"vacunas-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync(Municipality, service, "mspbs", "Vacunación");
        var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        var problem = await (await focal.PostJsonAsync("/api/service-days",
            Requests.Day(Municipality, ("mspbs", [service, "cedulacion"]), ("mds", [service])))).JsonAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["institutions[0].services[1]", "institutions[1].services[0]"], problem.ErrorFields());
        Assert.Equal("El servicio 'cedulacion' no está en el catálogo de oferta de Yhú.", errors.GetProperty("institutions[0].services[1]")[0].GetString());
    }

    [Fact]
    public async Task Bad_attendance_and_referrals_write_nothing_and_illegal_transitions_are_409()
    {
        var service = $"control-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync(Municipality, service, "mspbs", "Control prenatal");
        var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        var day = await (await focal.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Created);
        var id = day.Str("id");

        // Attendance before the day is confirmed: refused, as is changing a confirmed day later.
        var early = await (await focal.PostJsonAsync($"/api/service-days/{id}/attendance-batches",
            new { batchId = "temprano", entries = new[] { new { serviceCode = service, anonymousCount = 1 } } })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("planned", early.Str("currentStatus"));
        await (await focal.PostAsync($"/api/service-days/{id}/hold", null)).JsonAsync(HttpStatusCode.Conflict);

        var changed = await (await focal.PutJsonAsync($"/api/service-days/{id}", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, changed.Int("version"));
        await (await focal.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        await (await focal.PutJsonAsync($"/api/service-days/{id}", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Conflict);

        var badBatch = await (await focal.PostJsonAsync($"/api/service-days/{id}/attendance-batches", new
        {
            batchId = "",
            entries = new object[]
            {
                new { serviceCode = "otro", anonymousCount = 1 },
                new { serviceCode = service, documentNumber = "12" },
                new { serviceCode = service, documentNumber = "1234567", anonymousCount = 2 },
                new { serviceCode = service },
            },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["batchId", "entries[0].serviceCode", "entries[1].documentNumber", "entries[2]", "entries[3].anonymousCount"], badBatch.ErrorFields());

        var badReferral = await (await focal.PostJsonAsync($"/api/service-days/{id}/referrals", new
        {
            entries = new object[]
            {
                new
                {
                    entryId = "r-1", originInstitution = "mds", destinationInstitution = "mds", serviceCode = "tekopora", needCategory = "food_security",
                    priority = "ya", reason = "Sin ingresos.",
                    person = new { documentNumber = "1234567", givenNames = "Ana", familyNames = "Rojas", birthDate = "2090-01-01", sex = "female" },
                    consent = new { given = false },
                },
            },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["entries[0].consent.given", "entries[0].originInstitution", "entries[0].person.birthDate", "entries[0].priority"],
            badReferral.ErrorFields());

        var grpc = new ServiceDayService.ServiceDayServiceClient(host.Channel());
        var invalid = await Assert.ThrowsAsync<RpcException>(() => grpc.RecordAttendanceAsync(
            new RecordAttendanceRequest { ServiceDayId = id, Entries = { new AttendanceEntry { ServiceCode = "otro" } } },
            new Metadata { { "authorization", $"Bearer {host.Token(Municipality, BoardsRoles.FocalPoint)}" } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var violations = invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);
        Assert.Equal(["batch_id", "entries[0].anonymous_count", "entries[0].service_code"], violations);

        Assert.Equal(0, await host.InDbAsync(db => db.AttendanceBatches.CountAsync(b => b.ServiceDayId == Guid.Parse(id))));
        Assert.Equal(0, await host.InDbAsync(db => db.ReferralEntries.CountAsync(e => e.ServiceDayId == Guid.Parse(id))));

        // Cancelling needs a reason; a cancelled day goes nowhere.
        var noReason = await (await focal.PostJsonAsync($"/api/service-days/{id}/cancel", new { reason = "" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], noReason.ErrorFields());
        var cancelled = await (await focal.PostJsonAsync($"/api/service-days/{id}/cancel", new { reason = "Lluvia intensa: caminos cerrados." })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("cancelled", "Lluvia intensa: caminos cerrados."), (cancelled.Str("status"), cancelled.Str("cancellationReason")));
        var again = await (await focal.PostAsync($"/api/service-days/{id}/hold", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("cancelada", again.Str("detail"));
    }

    [Fact]
    public async Task Unreadable_ids_and_filters_are_400_not_500()
    {
        var analyst = host.Client(host.Token(null, BoardsRoles.MinistryAnalyst));
        var problem = await (await analyst.GetAsync("/api/service-days?status=abierta&from=ayer")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["from", "status"], problem.ErrorFields());
        await (await analyst.GetAsync($"/api/service-days/{Guid.NewGuid()}")).JsonAsync(HttpStatusCode.NotFound);

        var grpc = new ServiceDayService.ServiceDayServiceClient(host.Channel());
        var invalid = await Assert.ThrowsAsync<RpcException>(() => grpc.GetServiceDayAsync(new GetServiceDayRequest { Id = "x" },
            new Metadata { { "authorization", $"Bearer {host.Token(null, BoardsRoles.MinistryAnalyst)}" } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
    }
}
