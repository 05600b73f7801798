namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// Issue 16: a referral entry that was never delivered (failed, or pending because nobody answered) kept the person's
/// data for good. The retention sweep erases it once the entry is older than the configured period (two seconds on
/// this host, 90 days by default), marks the entry expired, refuses to retry it, and records each pass.
/// </summary>
public sealed class RetentionSweepTests(ServiceDaysHost host) : IClassFixture<ServiceDaysHost>
{
    private const string Municipality = "pilar";

    [Fact]
    public async Task An_undelivered_entry_older_than_the_period_loses_the_persons_data_and_cannot_be_retried()
    {
        var id = await ConfirmedDayAsync();
        using var focal = host.Client(await host.TokenAsync(Municipality, BoardsRoles.FocalPoint));
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        try
        {
            Assert.Equal("sent", await RecordAsync(focal, id, "entregada", "1111111"));
            host.Link.Reachable = false;
            var old = Requests.Referral("vieja", "2222222");
            Assert.Equal("failed", await RecordAsync(focal, id, old));
            await StorePendingAsync(id, "sin-respuesta"); // the process died before the answer came
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.Equal("failed", await RecordAsync(focal, id, "reciente", "3333333"));

            var run = await (await admin.PostJsonAsync("/api/service-days/retention/sweep", new { })).JsonAsync(HttpStatusCode.OK);

            Assert.Equal(2, run.Int("erased"));
            var entries = await host.InDbAsync(db => db.ReferralEntries.AsNoTracking().Where(e => e.ServiceDayId == id).ToDictionaryAsync(e => e.EntryId));
            Assert.All(new[] { "vieja", "sin-respuesta" }, gone => Assert.Null(entries[gone].PendingPayload));
            Assert.Contains("Benítez", entries["reciente"].PendingPayload!);
            Assert.Equal(ReferralEntryStatus.Failed, entries["reciente"].Status);
            Assert.Equal(ReferralEntryStatus.Sent, entries["entregada"].Status);

            var listed = (await (await focal.GetAsync($"/api/service-days/{id}/referrals")).JsonAsync(HttpStatusCode.OK))
                .EnumerateArray().ToDictionary(e => e.Str("entryId"));
            Assert.Equal(("expired", "expired", "failed", "sent"),
                (listed["vieja"].Str("status"), listed["sin-respuesta"].Str("status"), listed["reciente"].Str("status"), listed["entregada"].Str("status")));
            Assert.Contains("no se entregó", listed["vieja"].Str("error"));
            var day = await (await focal.GetAsync($"/api/service-days/{id}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal((1, 1, 2), (day.GetProperty("referrals").Int("sent"), day.GetProperty("referrals").Int("failed"), day.GetProperty("referrals").Int("expired")));

            // Reachable again: the expired entry is refused with the reason, a resent batch does not revive it, the recent one goes.
            host.Link.Reachable = true;
            var refused = await (await focal.PostAsync($"/api/service-days/{id}/referrals/vieja/retry", null)).JsonAsync(HttpStatusCode.Conflict);
            Assert.Contains("vuelva a registrarla", refused.Str("detail"));
            Assert.Equal("expired", await RecordAsync(focal, id, old));
            Assert.Equal("sent", (await (await focal.PostAsync($"/api/service-days/{id}/referrals/reciente/retry", null)).JsonAsync(HttpStatusCode.OK)).Str("status"));
            Assert.Equal(2, await host.ReferralsCreatedFromServiceDaysAsync());

            var runs = await (await admin.GetAsync("/api/service-days/retention/runs")).JsonAsync(HttpStatusCode.OK);
            var recorded = runs[0];
            Assert.Equal((2, run.Str("startedBy")), (recorded.Int("erased"), recorded.Str("startedBy")));
            Assert.True(recorded.GetProperty("receivedBefore").GetDateTimeOffset() < recorded.GetProperty("at").GetDateTimeOffset());
            Assert.Equal(0, (await (await admin.PostJsonAsync("/api/service-days/retention/sweep", new { })).JsonAsync(HttpStatusCode.OK)).Int("erased"));
        }
        finally
        {
            host.Link.Reachable = true;
        }
    }

    [Fact]
    public async Task Only_ministry_admin_may_run_the_sweep_or_see_its_runs()
    {
        var others = new[]
        {
            await host.TokenAsync(null, BoardsRoles.MinistryAnalyst),
            await host.TokenAsync(Municipality, BoardsRoles.FocalPoint),
            await host.TokenAsync(null, BoardsRoles.Integrator),
            await host.OfficerTokenAsync("mspbs", Municipality),
        };
        foreach (var token in others)
        {
            using var client = host.Client(token);
            using var sweep = await client.PostJsonAsync("/api/service-days/retention/sweep", new { });
            using var runs = await client.GetAsync("/api/service-days/retention/runs");
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (sweep.StatusCode, runs.StatusCode));
        }

        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/service-days/retention/sweep", new { })).StatusCode);
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var recorded = await (await admin.GetAsync("/api/service-days/retention/runs")).JsonAsync(HttpStatusCode.OK);
        Assert.All(recorded.EnumerateArray(), r => Assert.StartsWith("t-ministry-admin", r.Str("startedBy")));
    }

    private async Task<Guid> ConfirmedDayAsync()
    {
        var service = $"consulta-{Guid.NewGuid().ToString("N")[..8]}";
        await host.OfferAsync(Municipality, service, "mspbs", "Consulta médica");
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var day = await (await admin.PostJsonAsync("/api/service-days", Requests.Day(Municipality, ("mspbs", [service])))).JsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/service-days/{day.Str("id")}/confirm", null)).JsonAsync(HttpStatusCode.OK);
        return day.Id();
    }

    private static Task<string> RecordAsync(HttpClient client, Guid id, string entryId, string document) =>
        RecordAsync(client, id, Requests.Referral(entryId, document));

    private static async Task<string> RecordAsync(HttpClient client, Guid id, object entry)
    {
        var answer = await (await client.PostJsonAsync($"/api/service-days/{id}/referrals", new { entries = new[] { entry } })).JsonAsync(HttpStatusCode.OK);
        return answer.GetProperty("entries")[0].Str("status");
    }

    private Task StorePendingAsync(Guid id, string entryId) => host.InDbAsync(async db =>
    {
        db.ReferralEntries.Add(new ReferralEntry
        {
            ServiceDayId = id,
            EntryId = entryId,
            RequestId = $"sd:{id:N}:{entryId}",
            ContentHash = new string('0', 64),
            Status = ReferralEntryStatus.Pending,
            OriginInstitution = "mspbs",
            DestinationInstitution = "mds",
            ServiceCode = "tekopora",
            NeedCategory = "food_security",
            Priority = "normal",
            PendingPayload = """{"Person":{"GivenNames":"Rosa","FamilyNames":"Benítez"},"Consent":{"Given":true},"Reason":"x"}""",
            ReceivedAt = DateTimeOffset.UtcNow,
            ReceivedBy = "tableta",
        });
        return await db.SaveChangesAsync();
    });
}
