namespace Boards.ServiceDays.Tests.Integration;

public sealed class FullServiceDayTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "alto-vera";

    [Fact]
    public async Task A_service_day_goes_from_planned_to_reported_and_publishes_the_hand_checked_counts()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var atencion = $"atencion-{suffix}";
        var tekopora = $"tekopora-{suffix}";
        await host.OfferAsync(Municipality, atencion, "mspbs", "Atención primaria", version: 1);
        await host.OfferAsync(Municipality, atencion, "mspbs", "Atención primaria en salud", version: 2);
        await host.OfferAsync(Municipality, tekopora, "mds", "Tekoporã");

        // Planned: the services come from the catalog replica that ServiceOfferChanged fed.
        var focal = host.Client(host.Token(Municipality, BoardsRoles.FocalPoint));
        var created = await (await focal.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [atencion]), ("mds", [tekopora]))))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("planned", created.Str("status"));
        var id = created.Str("id");
        var institutions = created.GetProperty("institutions").EnumerateArray().ToList();
        Assert.Equal(["mds", "mspbs"], institutions.Select(i => i.Str("institutionCode")));
        Assert.Equal("Atención primaria en salud", institutions[1].GetProperty("services")[0].Str("name"));

        Assert.Equal("confirmed", (await (await focal.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.OK)).Str("status"));

        // Attendance from the health officer's tablet: three people by document, two anonymous.
        var officer = host.Client(host.OfficerOf("mspbs"));
        object Batch(string batchId, params object[] entries) => new { batchId, entries };
        var first = Batch("tablet-1-lote-1",
            new { serviceCode = atencion, documentNumber = "1.234.567" },
            new { serviceCode = atencion, documentNumber = "2345678" },
            new { serviceCode = atencion, documentNumber = "3456789" },
            new { serviceCode = atencion, anonymousCount = 2 });
        var answer = await (await officer.PostJsonAsync($"/api/service-days/{id}/attendance-batches", first)).JsonAsync(HttpStatusCode.OK);
        Assert.False(answer.GetProperty("replayed").GetBoolean());
        Assert.Equal((3, 2, 5), (answer.Int("identified"), answer.Int("anonymous"), answer.Int("peopleServed")));

        // The tablet did not hear the answer and sends the same batch again: counted once, same answer.
        var again = await (await officer.PostJsonAsync($"/api/service-days/{id}/attendance-batches", first)).JsonAsync(HttpStatusCode.OK);
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal((3, 2, 5), (again.Int("identified"), again.Int("anonymous"), again.Int("peopleServed")));

        // The same batch id with other content is refused.
        var reused = Batch("tablet-1-lote-1", new { serviceCode = atencion, documentNumber = "9999999" });
        await (await officer.PostJsonAsync($"/api/service-days/{id}/attendance-batches", reused)).JsonAsync(HttpStatusCode.Conflict);

        // The health officer cannot record the social ministry's service.
        var foreign = Batch("tablet-1-lote-2", new { serviceCode = tekopora, anonymousCount = 1 });
        var refused = await (await officer.PostJsonAsync($"/api/service-days/{id}/attendance-batches", foreign)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["entries[0].serviceCode"], refused.ErrorFields());

        // Tekoporã: the first person again (same cédula without dots), one new person, one anonymous.
        var second = Batch("tablet-2-lote-1",
            new { serviceCode = tekopora, documentNumber = "1234567" },
            new { serviceCode = tekopora, documentNumber = "4567890" },
            new { serviceCode = tekopora, anonymousCount = 1 });
        var afterSecond = await (await focal.PostJsonAsync($"/api/service-days/{id}/attendance-batches", second)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, afterSecond.Int("peopleServed")); // 4 distinct documents + 2 + 1 anonymous

        // Referrals while the referrals service cannot be reached: each person shows the failure, nothing is lost.
        var referrals = new { entries = new[] { Requests.Referral("ref-1", "1234567"), Requests.Referral("ref-2", "4567890", origin: "mds") } };
        host.Link.Reachable = false;
        var down = await (await focal.PostJsonAsync($"/api/service-days/{id}/referrals", referrals)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 2), (down.Int("sent"), down.Int("failed")));
        Assert.All(down.GetProperty("entries").EnumerateArray(), e =>
        {
            Assert.Equal("failed", e.Str("status"));
            Assert.Equal(ReferralSender.Unreachable, e.Str("error"));
        });
        var kept = await host.InDbAsync(db => db.ReferralEntries.AsNoTracking().Where(e => e.ServiceDayId == Guid.Parse(id)).ToListAsync());
        Assert.All(kept, e => Assert.Contains("Benítez", e.PendingPayload!));

        // Reachable again: one entry retried on its own, then the whole batch resent.
        host.Link.Reachable = true;
        var retried = await (await focal.PostAsync($"/api/service-days/{id}/referrals/ref-1/retry", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("sent", retried.Str("status"));
        var referralId = retried.Str("referralId");
        var resent = await (await focal.PostJsonAsync($"/api/service-days/{id}/referrals", referrals)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((2, 0), (resent.Int("sent"), resent.Int("failed")));
        Assert.Equal(referralId, resent.GetProperty("entries")[0].Str("referralId"));
        await (await focal.PostJsonAsync($"/api/service-days/{id}/referrals", referrals)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, await host.ReferralsCreatedFromServiceDaysAsync());

        // Delivered: the person data is gone; attendance never held a document number.
        var delivered = await host.InDbAsync(db => db.ReferralEntries.AsNoTracking().Where(e => e.ServiceDayId == Guid.Parse(id)).ToListAsync());
        Assert.All(delivered, e =>
        {
            Assert.Equal(ReferralEntryStatus.Sent, e.Status);
            Assert.Null(e.PendingPayload);
            Assert.NotNull(e.ReferralId);
        });
        var hashes = await host.InDbAsync(db => db.AttendanceRecords.AsNoTracking().Where(r => r.PersonHash != null).Select(r => r.PersonHash!).ToListAsync());
        Assert.All(hashes, h => Assert.StartsWith("ph_", h));
        Assert.DoesNotContain(hashes, h => h.Contains("1234567", StringComparison.Ordinal));

        // Held, then the closing report.
        Assert.Equal("held", (await (await focal.PostAsync($"/api/service-days/{id}/hold", null)).JsonAsync(HttpStatusCode.OK)).Str("status"));
        var report = await (await focal.PostJsonAsync($"/api/service-days/{id}/report", new { notes = "Buena participación; faltó agua potable." }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("reported", report.Str("status"));
        Assert.Equal((7, 2), (report.GetProperty("report").Int("peopleServed"), report.GetProperty("report").Int("referralsMade")));

        await ServiceDaysHost.WaitUntilAsync(() => Task.FromResult(host.Held.Any(h => h.ServiceDayId == Guid.Parse(id))), "ServiceDayHeld");
        var held = host.Held.Single(h => h.ServiceDayId == Guid.Parse(id) && h.ReportVersion == 1);
        Assert.Equal(Municipality, held.MunicipalityCode);
        Assert.Equal(new DateOnly(2026, 12, 5), held.Date);
        Assert.Equal(7, held.PeopleServed);
        Assert.Equal(120, held.ExpectedAttendance);
        Assert.Equal(2, held.ReferralsMade);
        Assert.Equal(1, held.ReportVersion);
        Assert.Equal(
            [("mds", tekopora, 3), ("mspbs", atencion, 5)], // 2 people + 1 anonymous; 3 people + 2 anonymous
            held.ServicesDelivered.Select(s => (s.InstitutionCode, s.ServiceCode, s.Attentions)));

        // A corrected report publishes again with a higher ReportVersion.
        var corrected = await (await focal.PostJsonAsync($"/api/service-days/{id}/report", new { notes = "Corrección: faltó agua potable y sombra." }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, corrected.GetProperty("report").Int("reportVersion"));
        await ServiceDaysHost.WaitUntilAsync(() => Task.FromResult(host.Held.Any(h => h.ServiceDayId == Guid.Parse(id) && h.ReportVersion == 2)), "the corrected ServiceDayHeld");

        // Reported is (nearly) final: no going back, no more attendance.
        var illegal = await (await focal.PostAsync($"/api/service-days/{id}/confirm", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("planificada", illegal.Str("detail"));
        await (await officer.PostJsonAsync($"/api/service-days/{id}/attendance-batches", Batch("tardío", new { serviceCode = atencion, anonymousCount = 1 })))
            .JsonAsync(HttpStatusCode.Conflict);
    }
}
