using Boards.Participation.Contracts.Pulse;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Participation.Tests.Integration;

/// <summary>Who may print slips, type in paper answers and read batches (docs/pulse.md, "Who may do what").</summary>
public sealed class ScopeTests(ParticipationHost host) : IClassFixture<ParticipationHost>
{
    private static object Slips(string municipality, string source = PulseSources.CounterReferral) => new { municipalityCode = municipality, source, count = 1 };

    [Fact]
    public async Task A_focal_point_prints_only_for_their_municipality_and_an_officer_only_after_a_counter_referral_where_they_serve()
    {
        var own = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        using var focal = host.FocalPoint(own);
        using var analyst = host.Analyst();
        using var anonymous = host.Anonymous();
        using var officer = host.Client(await host.OfficerTokenAsync("mspbs", own));

        await (await focal.PostJsonAsync("/api/participation/slips", Slips(own, PulseSources.BoardSession))).JsonAsync(HttpStatusCode.Created);
        await (await officer.PostJsonAsync("/api/participation/slips", Slips(own))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostJsonAsync("/api/participation/slips", Slips(other))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync("/api/participation/slips", Slips(other))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync("/api/participation/slips", Slips(own, PulseSources.ServiceDay))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJsonAsync("/api/participation/slips", Slips(own))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/participation/slips", Slips(own))).StatusCode);
        // A refusal for an unknown municipality is the same 403: scope is decided before anything is read.
        var unknown = await (await focal.PostJsonAsync("/api/participation/slips", Slips("no-existe"))).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains(own, unknown.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(2, await host.InScopeAsync(db => db.SlipBatches.CountAsync(b => b.MunicipalityCode == own)));
        Assert.Equal(0, await host.InScopeAsync(db => db.SlipBatches.CountAsync(b => b.MunicipalityCode == other)));
    }

    [Fact]
    public async Task Batches_are_read_by_their_focal_point_and_the_ministry_only()
    {
        var own = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        await host.IssueAsync(own, count: 3);
        using var focal = host.FocalPoint(own);
        using var stranger = host.FocalPoint(other);
        using var analyst = host.Analyst();
        using var integrator = host.Client(host.Token(null, BoardsRoles.Integrator));

        var mine = await (await focal.GetAsync("/api/participation/slips")).JsonAsync(HttpStatusCode.OK);
        var ministry = await (await analyst.GetAsync($"/api/participation/slips?municipality={own}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, Assert.Single(mine.EnumerateArray()).Int("count"));
        Assert.Equal(own, Assert.Single(ministry.EnumerateArray()).Str("municipalityCode"));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/participation/slips?municipality={own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.GetAsync($"/api/participation/slips?municipality={own}")).StatusCode);
        Assert.Empty((await (await stranger.GetAsync("/api/participation/slips")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_focal_point_cannot_use_another_municipalitys_code_on_paper_and_learns_nothing_about_it()
    {
        var own = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        var foreignCode = Assert.Single(await host.IssueAsync(other));
        using var focal = host.FocalPoint(own);

        var refused = await (await focal.PostJsonAsync("/api/participation/paper-answers", new { code = foreignCode, trustBoard = 1 })).JsonAsync(HttpStatusCode.NotFound);
        var codeless = await focal.PostJsonAsync("/api/participation/paper-answers", new { municipalityCode = other, source = PulseSources.ServiceDay, trustBoard = 1 });

        Assert.Equal("Código no válido.", refused.Str("title"));
        Assert.Equal(HttpStatusCode.Forbidden, codeless.StatusCode);
        using var person = host.Anonymous();
        await (await person.PostJsonAsync("/pulse/v1/answers", new { code = foreignCode, trustBoard = 5 })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, await host.InScopeAsync(db => db.Answers.CountAsync(a => a.MunicipalityCode == own)));
    }
}
