using static Boards.Referrals.Tests.Integration.PersonRecord.PersonReferrals;

namespace Boards.Referrals.Tests.Integration.PersonRecord;

/// <summary>
/// A person's record must not tie an expired referral back to the person: referrals past the retention period (two
/// seconds on this host), swept or not yet, are not in it and do not open it.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class PersonRecordRetentionTests(BatchHost host)
{
    [Fact]
    public async Task Referrals_past_the_retention_period_are_left_out_of_the_record_and_do_not_open_it()
    {
        var document = NewDocument();
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));
        var closed = await SendAsync(integrator, Referral(document, "alto-vera", "pilar", "mspbs", "mds"));
        await (await integrator.PostJsonAsync($"/api/referrals/{closed}/cancel", new { reason = "no_longer_needed", note = "Ya no lo necesita." }))
            .JsonAsync(HttpStatusCode.OK);
        var open = await SendAsync(integrator, Referral(document, "alto-vera", "pilar", "mspbs", "mds"));
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // past the period, not yet swept
        using var focal = host.Client(await host.TokenAsync("alto-vera", BoardsRoles.FocalPoint));
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var beforeSweep = await (await OpenAsync(focal, open)).JsonAsync(HttpStatusCode.OK);
        var refusedBeforeSweep = await (await OpenAsync(focal, closed)).JsonAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync("/api/referrals/retention/sweep", null)).JsonAsync(HttpStatusCode.OK);
        var afterSweep = await (await OpenAsync(focal, open)).JsonAsync(HttpStatusCode.OK);
        var refusedAfterSweep = await (await OpenAsync(focal, closed)).JsonAsync(HttpStatusCode.Conflict);

        foreach (var record in new[] { beforeSweep, afterSweep })
        {
            Assert.Equal([open], record.GetProperty("referrals").EnumerateArray().Select(r => r.Id()));
            Assert.Equal(1, record.Int("totalCount"));
        }

        Assert.All(new[] { refusedBeforeSweep, refusedAfterSweep }, problem => Assert.Equal("ANONYMISED", problem.Str("code")));
        var openings = await host.InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Set<PersonalDataRead>()
            .AsNoTracking().Where(r => r.Action == "person-record" && (r.ReferralId == open || r.ReferralId == closed)).ToListAsync());
        Assert.Equal([open, open], openings.Select(r => r.ReferralId));
    }
}
