using Microsoft.AspNetCore.Hosting;

namespace Boards.Needs.Tests.Integration;

public sealed class DemoNeedsHost : NeedsHost
{
    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        web.UseSetting("Needs:SeedDemoData", "true");
    }
}

/// <summary>The development demo data: a catalog and a closed round per pilot municipality, events through the outbox.</summary>
public sealed class DemoDataTests(DemoNeedsHost host) : IClassFixture<DemoNeedsHost>
{
    [Fact]
    public async Task Every_pilot_municipality_gets_a_catalog_a_frozen_ranking_and_a_published_gap_analysis()
    {
        using var analyst = host.Client(host.Analyst());

        var catalog = await (await analyst.GetAsync("/api/offer/alto-vera/services")).JsonAsync(HttpStatusCode.OK);
        var rounds = await (await analyst.GetAsync("/api/needs/rounds?municipality=alto-vera")).JsonAsync(HttpStatusCode.OK);
        var round = await (await analyst.GetAsync($"/api/needs/rounds/{rounds[0].GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.OK);

        Assert.Contains(catalog.EnumerateArray(), s => s.GetProperty("code").GetString() == "atencion-primaria");
        Assert.Equal("closed", round.GetProperty("status").GetString());
        Assert.True(round.GetProperty("ranking").GetProperty("frozen").GetBoolean());
        Assert.Equal(4, round.GetProperty("ranking").GetProperty("ballotsCounted").GetInt32());
        await NeedsHost.WaitUntilAsync(() => Task.FromResult(host.GapAnalyses.Any(g => g.MunicipalityCode == "alto-vera" && g.Trigger == "round_closed")),
            "the demo gap analysis of Alto Verá");
        var analysis = host.GapAnalyses.First(g => g.MunicipalityCode == "alto-vera");
        Assert.Equal(120, analysis.Categories.Single(c => c.Category == "health").OfferCapacity);
    }
}
