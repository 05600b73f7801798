using Boards.Referrals.Contracts.Events;

namespace Boards.Needs.Tests.Integration;

/// <summary>
/// Gap analysis with referral evidence that arrives as events on the real bus: rejections for no_capacity and
/// service_not_offered and counter-referrals with no_capacity count; other reasons do not; a redelivery counts once.
/// </summary>
public sealed class GapAnalysisTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    [Fact]
    public async Task Gap_analysis_reflects_referral_rejections_that_arrived_as_events()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var offer = Http.Service("comedor");
        offer["categories"] = new[] { "food_security" };
        offer["monthlyCapacity"] = 30;
        await (await focal.PostJsonAsync($"/api/offer/{municipality}/services", offer)).JsonAsync(HttpStatusCode.Created);
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = await Rounds.AddNeedAsync(focal, round, Rounds.Need("food_security", 50, 4));   // demand 200
        await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 10, 2));                       // demand 20
        await Rounds.CastAsync(focal, round, host.Voter(municipality), "Ana", need);
        await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = 4 })).JsonAsync(HttpStatusCode.OK);

        var before = await (await focal.GetAsync($"/api/needs/gap-analysis/{municipality}")).JsonAsync(HttpStatusCode.OK);
        var twice = Rejected(municipality, "no_capacity", "food_security", "comedor");
        await host.Bus.Publish(twice);
        await host.Bus.Publish(twice);                                                                  // redelivered: counts once
        await host.Bus.Publish(Rejected(municipality, "service_not_offered", "alimentos", "comedor"));   // category from the catalog
        await host.Bus.Publish(Rejected(municipality, "not_eligible", "food_security", "comedor"));       // not about the offer
        await host.Bus.Publish(Rejected(municipality, "no_capacity", "vivienda", "no-existe"));          // nothing known: unclassified
        await host.Bus.Publish(CounterReferred(municipality, "no_capacity", "housing"));
        await host.Bus.Publish(CounterReferred(municipality, "got_help", "housing"));
        await NeedsHost.WaitUntilAsync(
            async () => await host.InScopeAsync(s => s.GetRequiredService<NeedsDbContext>().ReferralEvidence.CountAsync(e => e.MunicipalityCode == municipality)) == 4,
            "four pieces of referral evidence");

        var after = await (await focal.GetAsync($"/api/needs/gap-analysis/{municipality}")).JsonAsync(HttpStatusCode.OK);

        // Food: P 50, D 200, C 30, R 0.6; before: 200 × 0.4 = 80; after two turned away at mean severity 4: 80 + 8 = 88.
        var foodBefore = Category(before, "food_security");
        Assert.Equal(80, foodBefore.GetProperty("unmetDemand").GetInt32());
        Assert.Equal(0.6, foodBefore.GetProperty("coverageRatio").GetDouble(), 4);
        var food = Category(after, "food_security");
        Assert.Equal(1, food.GetProperty("rejectedNoCapacity").GetInt32());
        Assert.Equal(1, food.GetProperty("rejectedNotOffered").GetInt32());
        Assert.Equal(88, food.GetProperty("unmetDemand").GetInt32());
        Assert.Equal(30, food.GetProperty("offerCapacity").GetInt32());
        // Housing: P 10, D 20, no offer (R 0): 20; one counter-referral with no capacity at mean severity 2: 22.
        var housing = Category(after, "housing");
        Assert.Equal(1, housing.GetProperty("counterReferredNoCapacity").GetInt32());
        Assert.Equal(22, housing.GetProperty("unmetDemand").GetInt32());
        var unclassified = Category(after, "unclassified");
        Assert.Equal("Sin categoría", unclassified.GetProperty("categoryName").GetString());
        Assert.Equal(3, unclassified.GetProperty("unmetDemand").GetInt32());
        Assert.Equal(["food_security", "housing", "unclassified"],
            after.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()!).ToArray());
        Assert.Equal(round, after.GetProperty("roundId").GetGuid());
    }

    [Fact]
    public async Task Publishing_on_demand_puts_GapAnalysisPublished_on_the_bus_and_keeps_scope()
    {
        var municipality = await host.NewMunicipalityAsync();
        await host.Bus.Publish(Rejected(municipality, "no_capacity", "health", "usf"));
        await NeedsHost.WaitUntilAsync(
            () => host.InScopeAsync(s => s.GetRequiredService<NeedsDbContext>().ReferralEvidence.AnyAsync(e => e.MunicipalityCode == municipality)),
            "the rejection recorded");
        using var analyst = host.Client(host.Analyst());
        using var stranger = host.Client(host.FocalPoint("pilar"));
        using var integrator = host.Client(host.Integrator());

        var published = await (await analyst.PostAsync($"/api/needs/gap-analysis/{municipality}", null)).JsonAsync(HttpStatusCode.Accepted);
        await (await stranger.GetAsync($"/api/needs/gap-analysis/{municipality}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await integrator.GetAsync($"/api/needs/gap-analysis/{municipality}")).JsonAsync(HttpStatusCode.OK);
        await (await integrator.PostAsync($"/api/needs/gap-analysis/{municipality}", null)).JsonAsync(HttpStatusCode.Forbidden);
        await (await analyst.GetAsync("/api/needs/gap-analysis/no-existe")).JsonAsync(HttpStatusCode.NotFound);

        var analysisId = published.GetProperty("analysisId").GetGuid();
        await NeedsHost.WaitUntilAsync(() => Task.FromResult(host.GapAnalyses.Any(g => g.AnalysisId == analysisId)), "GapAnalysisPublished");
        var message = host.GapAnalyses.Single(g => g.AnalysisId == analysisId);
        Assert.Equal("on_demand", message.Trigger);
        Assert.Null(message.RoundId);
        var health = Assert.Single(message.Categories);
        Assert.Equal(("health", 1, 0.0, 3), (health.Category, health.RejectedNoCapacity, health.CoverageRatio, health.UnmetDemand));
    }

    private static JsonElement Category(JsonElement analysis, string code) =>
        analysis.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == code);

    private static ReferralRejected Rejected(string municipality, string reason, string category, string service) => new()
    {
        ReferralId = Guid.NewGuid(),
        MunicipalityCode = municipality,
        DestinationMunicipalityCode = municipality,
        OriginInstitution = "mds",
        DestinationInstitution = "mspbs",
        ServiceCode = service,
        NeedCategory = category,
        Priority = "normal",
        PersonKey = "k",
        Status = "rejected",
        Version = 2,
        CreatedAt = DateTimeOffset.UtcNow.AddDays(-1),
        OccurredAt = DateTimeOffset.UtcNow,
        Actor = "Oficial",
        Reason = reason,
    };

    private static ReferralCounterReferred CounterReferred(string municipality, string outcome, string category) => new()
    {
        ReferralId = Guid.NewGuid(),
        MunicipalityCode = municipality,
        DestinationMunicipalityCode = municipality,
        OriginInstitution = "mds",
        DestinationInstitution = "mspbs",
        ServiceCode = "vivienda-social",
        NeedCategory = category,
        Priority = "normal",
        PersonKey = "k",
        Status = "failed",
        Version = 4,
        CreatedAt = DateTimeOffset.UtcNow.AddDays(-10),
        OccurredAt = DateTimeOffset.UtcNow,
        Actor = "Oficial",
        Attended = true,
        Outcome = outcome,
        ServicesDelivered = [],
        FollowUpRecommended = true,
    };
}
