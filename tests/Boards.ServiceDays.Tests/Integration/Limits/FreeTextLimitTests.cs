using System.Text.Json;
using Google.Rpc;
using Proto = Boards.ServiceDays.Contracts.Grpc;

namespace Boards.ServiceDays.Tests.Integration.Limits;

/// <summary>
/// Every text field and list of a ServiceDays request has a declared maximum (ServiceDaysLimits): over it the answer is
/// 400 naming the field (REST) or InvalidArgument naming the proto field (gRPC), nothing is written, and exactly the
/// maximum is accepted. The OpenAPI document shows every maximum.
/// </summary>
public sealed class FreeTextLimitTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "yhu";

    private static string Text(int length) => new('ñ', length);

    [Fact]
    public async Task Every_text_field_and_list_of_a_rest_body_declares_its_maximum_in_the_openapi_document()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var undeclared = OpenApiLimits.Undeclared(document.RootElement);

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Fact]
    public async Task Day_fields_and_lists_over_their_maximum_are_refused_each_named_and_no_day_is_written()
    {
        var service = await OfferedAsync();
        using var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        var before = await host.InDbAsync(db => db.Days.CountAsync());

        var problem = await (await focal.PostJsonAsync("/api/service-days", new
        {
            municipalityCode = Text(65), locality = Text(201), date = Text(11), venue = Text(20_000), expectedAttendance = 10,
            institutions = new[] { new { institutionCode = Text(65), services = Enumerable.Range(0, 51).Select(i => $"s{i}").ToArray() } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        var many = await (await focal.PostJsonAsync("/api/service-days", new
        {
            municipalityCode = Municipality, locality = "Centro", date = "2026-12-05", venue = "Escuela", expectedAttendance = 10,
            institutions = Enumerable.Range(0, 51).Select(_ => new { institutionCode = "mspbs", services = new[] { service } }).ToArray(),
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string> { "municipalityCode", "locality", "date", "venue", "institutions[0].institutionCode", "institutions[0].services" },
            problem.ErrorFields().ToHashSet());
        Assert.Contains("institutions", many.ErrorFields());
        Assert.Equal(before, await host.InDbAsync(db => db.Days.CountAsync()));
    }

    [Fact]
    public async Task A_day_whose_texts_are_exactly_their_maximum_is_planned_whole()
    {
        var service = await OfferedAsync();
        using var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));

        var day = await (await focal.PostJsonAsync("/api/service-days", new
        {
            municipalityCode = Municipality, locality = Text(200), date = "2026-12-05", venue = Text(200), expectedAttendance = 10,
            institutions = new[] { new { institutionCode = "mspbs", services = new[] { service } } },
        })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Text(200), day.Str("venue"));
    }

    [Fact]
    public async Task A_cancellation_reason_or_report_notes_over_their_maximum_are_refused_and_the_day_does_not_change()
    {
        var (focal, id) = await NewDayAsync();
        using var _ = focal;

        var cancel = await (await focal.PostJsonAsync($"/api/service-days/{id}/cancel", new { reason = Text(1001) })).JsonAsync(HttpStatusCode.BadRequest);
        var report = await (await focal.PostJsonAsync($"/api/service-days/{id}/report", new { notes = Text(400_000) })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("reason", cancel.ErrorFields());
        Assert.Contains("notes", report.ErrorFields());
        var day = await (await focal.GetAsync($"/api/service-days/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("planned", day.Str("status"));
        Assert.Equal(1, day.Int("version"));
    }

    [Fact]
    public async Task Attendance_fields_over_their_maximum_are_refused_each_named_and_nothing_is_recorded()
    {
        var (focal, id) = await NewDayAsync();
        using var _ = focal;
        await (await focal.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.OK);

        var problem = await (await focal.PostJsonAsync($"/api/service-days/{id}/attendance-batches", new
        {
            batchId = Text(101), entries = new[] { new { serviceCode = Text(65), documentNumber = Text(3_000) } },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "batchId", "entries[0].serviceCode", "entries[0].documentNumber" }, problem.ErrorFields().ToHashSet());
        Assert.Equal(0, await host.InDbAsync(db => db.AttendanceBatches.CountAsync(b => b.ServiceDayId == Guid.Parse(id))));
    }

    [Fact]
    public async Task Referral_fields_over_their_maximum_are_refused_each_named_and_nothing_is_kept()
    {
        var (focal, id) = await NewDayAsync();
        using var _ = focal;
        await (await focal.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.OK);

        var problem = await (await focal.PostJsonAsync($"/api/service-days/{id}/referrals", new
        {
            entries = new[]
            {
                new
                {
                    entryId = Text(61), originInstitution = "mspbs", destinationInstitution = Text(65), serviceCode = "tekopora",
                    needCategory = "food_security", priority = Text(17), reason = Text(20_000),
                    person = new { documentNumber = "4455667", givenNames = Text(201), familyNames = "Benítez", birthDate = "1988-04-12", sex = "female", phone = Text(41), locality = Text(201) },
                    consent = new { given = true, givenBy = Text(201) },
                },
            },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string>
            {
                "entries[0].entryId", "entries[0].destinationInstitution", "entries[0].priority", "entries[0].reason", "entries[0].person.givenNames",
                "entries[0].person.phone", "entries[0].person.locality", "entries[0].consent.givenBy",
            },
            problem.ErrorFields().ToHashSet());
        Assert.Equal(0, await host.InDbAsync(db => db.ReferralEntries.CountAsync(e => e.ServiceDayId == Guid.Parse(id))));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(10_100)]
    public async Task Over_grpc_fields_over_their_maximum_are_invalid_argument_naming_the_field(int length)
    {
        var client = new Proto.ServiceDayService.ServiceDayServiceClient(host.Channel());
        var headers = new Metadata { { "authorization", $"Bearer {host.Token(null, BoardsRoles.MinistryAdmin)}" } };
        var entry = new Proto.AttendanceEntry { ServiceCode = "x", AnonymousCount = 1 };

        var calls = new (string Field, Func<Task> Call)[]
        {
            ("municipality_code", () => client.ListServiceDaysAsync(new Proto.ListServiceDaysRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync),
            ("status", () => client.ListServiceDaysAsync(new Proto.ListServiceDaysRequest { Status = Text(length) }, headers).ResponseAsync),
            ("from", () => client.ListServiceDaysAsync(new Proto.ListServiceDaysRequest { From = Text(length) }, headers).ResponseAsync),
            ("id", () => client.GetServiceDayAsync(new Proto.GetServiceDayRequest { Id = Text(length) }, headers).ResponseAsync),
            ("batch_id", () => client.RecordAttendanceAsync(new Proto.RecordAttendanceRequest { ServiceDayId = Guid.NewGuid().ToString(), BatchId = Text(length), Entries = { entry } }, headers).ResponseAsync),
            ("entries[0].service_code", () => client.RecordAttendanceAsync(new Proto.RecordAttendanceRequest
            {
                ServiceDayId = Guid.NewGuid().ToString(), BatchId = "b", Entries = { new Proto.AttendanceEntry { ServiceCode = Text(length), AnonymousCount = 1 } },
            }, headers).ResponseAsync),
            ("entries[0].document_number", () => client.RecordAttendanceAsync(new Proto.RecordAttendanceRequest
            {
                ServiceDayId = Guid.NewGuid().ToString(), BatchId = "b", Entries = { new Proto.AttendanceEntry { ServiceCode = "x", DocumentNumber = Text(length) } },
            }, headers).ResponseAsync),
        };
        foreach (var (field, call) in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Equal(field, Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }
    }

    private async Task<string> OfferedAsync()
    {
        var service = $"limite-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync(Municipality, service, "mspbs", "Control");
        return service;
    }

    private async Task<(HttpClient Focal, string Id)> NewDayAsync()
    {
        var service = await OfferedAsync();
        var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        var day = await (await focal.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Created);
        return (focal, day.Str("id"));
    }
}
