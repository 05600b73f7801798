using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Retention;

/// <summary>
/// Nothing used to be deleted. The retention sweep anonymises the referrals closed longer ago than the configured
/// period (two seconds on this host, two years by default), keeps what the statistics need, and records each pass.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class RetentionSweepTests(BatchHost host)
{
    [Fact]
    public async Task A_referral_closed_longer_than_the_period_loses_the_persons_data_and_keeps_key_category_and_dates()
    {
        var integrator = await host.IntegratorClientAsync();
        var old = await NewReferralAsync(integrator);
        var open = await NewReferralAsync(integrator);
        await integrator.CancelReferralAsync(new Proto.CancelReferralRequest
        {
            Id = old.Id, Reason = Proto.CancellationReason.EnteredInError, Note = "Lucía Benítez ya fue atendida en otro lugar.",
        });
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var recent = await NewReferralAsync(integrator);
        await integrator.CancelReferralAsync(new Proto.CancelReferralRequest { Id = recent.Id, Reason = Proto.CancellationReason.EnteredInError, Note = "Duplicada." });
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        using var focal = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));

        var run = await (await admin.PostJsonAsync("/api/referrals/retention/sweep", new { })).JsonAsync(HttpStatusCode.OK);

        Assert.True(run.GetProperty("anonymised").GetInt32() >= 1);
        var swept = await (await focal.GetAsync($"/api/referrals/{old.Id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("anonymised", swept.Str("personData"));
        var person = swept.GetProperty("person");
        Assert.Equal(("", ""), (person.Str("givenNames"), person.Str("familyNames")));
        foreach (var gone in new[] { "documentNumber", "birthDate", "phone", "locality" })
        {
            Assert.Equal(JsonValueKind.Null, person.GetProperty(gone).ValueKind);
        }

        Assert.Equal("", swept.Str("reason"));
        Assert.Equal("", swept.GetProperty("cancellation").Str("note"));
        Assert.All(swept.GetProperty("history").EnumerateArray(), line => Assert.Equal(JsonValueKind.Null, line.GetProperty("note").ValueKind));
        Assert.Equal((old.PersonKey, old.NeedCategory, "cancelled"), (swept.Str("personKey"), swept.Str("needCategory"), swept.Str("status")));
        // The creation reply carries ticks; the column keeps microseconds.
        Assert.Equal(old.CreatedAt.ToDateTimeOffset().ToUnixTimeMilliseconds(), swept.GetProperty("createdAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.False(swept.GetProperty("anonymisedAt").ValueKind == JsonValueKind.Null);

        // Open, or closed within the period: untouched.
        foreach (var kept in new[] { open, recent })
        {
            var view = await (await focal.GetAsync($"/api/referrals/{kept.Id}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(("full", "Lucía", "4455667"), (view.Str("personData"), view.GetProperty("person").Str("givenNames"), view.GetProperty("person").Str("documentNumber")));
        }

        var runs = await (await admin.GetAsync("/api/referrals/retention/runs")).JsonAsync(HttpStatusCode.OK);
        var recorded = runs.EnumerateArray().First();
        Assert.Equal(run.GetProperty("anonymised").GetInt32(), recorded.GetProperty("anonymised").GetInt32());
        Assert.Equal("t-ministry-admin-todas", recorded.Str("startedBy"));

        // A second pass finds nothing more of it, and the analyst's reasoned read has nothing to reveal.
        var again = await (await admin.PostJsonAsync("/api/referrals/retention/sweep", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("anonymised").GetInt32());
        using var analyst = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));
        var reasoned = await (await analyst.PostJsonAsync($"/api/referrals/{old.Id}/full-read", new { reason = "Auditoría de calidad del circuito." }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("anonymised", ""), (reasoned.Str("personData"), reasoned.GetProperty("person").Str("givenNames")));
    }

    [Fact]
    public async Task Only_ministry_admin_may_run_the_sweep()
    {
        foreach (var role in new[] { BoardsRoles.MinistryAnalyst, BoardsRoles.FocalPoint })
        {
            using var client = host.Client(await host.TokenAsync("pilar", role));
            using var sweep = await client.PostJsonAsync("/api/referrals/retention/sweep", new { });
            using var runs = await client.GetAsync("/api/referrals/retention/runs");
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (sweep.StatusCode, runs.StatusCode));
        }

        Assert.Equal(0, await host.InScopeAsync(services =>
            services.GetRequiredService<ReferralsDbContext>().Set<Boards.Referrals.Domain.RetentionRun>().CountAsync(r => r.StartedBy.StartsWith("t-ministry-analyst"))));
    }

    private async Task<Proto.Referral> NewReferralAsync(Proto.ReferralService.ReferralServiceClient integrator)
    {
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        var request = BatchRequests.Item("x", service).Referral;
        request.RequestId = $"retention-{Guid.NewGuid():N}";
        request.Person.Phone = "0981 123456";
        request.Person.Locality = "Barrio San Roque";
        return await integrator.CreateReferralAsync(request);
    }
}
