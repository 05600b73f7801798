namespace Boards.Planning.Tests.Integration;

/// <summary>Who may read and write a municipality's plan: the scope table of docs/planning.md.</summary>
public sealed class ScopeTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task Scope_refusals_another_focal_point_403_an_analyst_writing_403_no_token_401()
    {
        var municipality = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        using var own = host.Client(host.FocalPoint(municipality));
        using var stranger = host.Client(host.FocalPoint(other));
        using var analyst = host.Client(host.Analyst());
        using var integrator = host.Client(host.Integrator());
        using var anonymous = host.Client(null);
        var planId = await own.CreateAsync(municipality);
        var objective = await own.AddObjectiveAsync(planId, "Objetivo");
        var action = await own.AddActionAsync(planId, objective, "Acción");

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostJsonAsync($"/api/plans/{planId}/objectives", new { title = "Intruso" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/plans?municipality={municipality}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/plans/{planId}/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostJsonAsync("/api/plans", new { municipalityCode = municipality, year = 2027 })).StatusCode);
        var analystWrites = await (await analyst.ReportAsync(planId, action, "done")).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("solo consulta", analystWrites.Str("detail"));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostJsonAsync($"/api/plans/{planId}/actions", Plans.Action(objective, "Otra"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.PostJsonAsync($"/api/plans/{planId}/approve", new { sessionId = Guid.NewGuid(), expectedRevision = 1 })).StatusCode);
        foreach (var path in new[] { "/api/plans", $"/api/plans/{planId}", $"/api/plans/{planId}/export.csv", $"/api/plans/{planId}/print", "/api/plans/proposals" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }

        // Every Boards role reads; a focal point lists only their own municipality, named or not.
        await (await analyst.GetAsync($"/api/plans/{planId}")).JsonAsync(HttpStatusCode.OK);
        await (await integrator.GetAsync($"/api/plans/{planId}")).JsonAsync(HttpStatusCode.OK);
        var mine = await (await own.GetAsync("/api/plans")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([planId], mine.EnumerateArray().Select(p => p.Id()).ToArray());
        using var admin = host.Client(host.Admin());
        await (await admin.PostJsonAsync($"/api/plans/{planId}/objectives", new { title = "Del ministerio" })).JsonAsync(HttpStatusCode.Created);
    }
}
