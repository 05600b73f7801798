namespace Boards.Planning.Tests.Integration;

/// <summary>Opening a plan, objectives linked to prioritized needs (from NeedsPrioritized on the bus), and every field error in one 400.</summary>
public sealed class PlanStructureTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task An_objective_links_prioritized_needs_of_its_municipality_and_shows_their_rank_category_and_locality()
    {
        var municipality = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        var needs = await host.PrioritizeAsync(municipality, ("food_security", "Barrio San Pedro"), ("health", "Compañía Potrero"), ("housing", "Centro"));
        var foreign = await host.PrioritizeAsync(other, ("education", "Otra localidad"));
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);

        var unknown = await (await client.PostJsonAsync($"/api/plans/{planId}/objectives",
            new { title = "Salud", needIds = new[] { needs[1].NeedId, foreign[0].NeedId, Guid.NewGuid() } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["needIds"], unknown.ErrorFields());
        Assert.Equal(2, unknown.GetProperty("errors").GetProperty("needIds").GetArrayLength());

        var objective = await client.AddObjectiveAsync(planId, "Alimentación y salud", 2m, needs[1].NeedId, needs[0].NeedId);
        var linked = (await client.GetAsync(planId)).Objective(objective).GetProperty("needs").EnumerateArray()
            .Select(n => (n.GetProperty("rank").GetInt32(), n.Str("category"), n.Str("locality"))).ToArray();
        Assert.Equal([(1, "food_security", "Barrio San Pedro"), (2, "health", "Compañía Potrero")], linked);

        var listed = await (await client.GetAsync("/api/plans/needs")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, listed.GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_is_one_400_naming_every_field_in_spanish()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        await client.AddObjectiveAsync(planId, "Objetivo");

        var badPlan = await (await client.PostJsonAsync("/api/plans", new { year = 1999, title = "" })).JsonAsync(HttpStatusCode.BadRequest);
        // A text over its maximum is refused before the other checks (PlanningLimits), naming it.
        var longTitle = await (await client.PostJsonAsync("/api/plans", new { municipalityCode = municipality, year = 2027, title = new string('x', 201) }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var badAction = await (await client.PostJsonAsync($"/api/plans/{planId}/actions", new
        {
            objectiveId = Guid.NewGuid(), title = " ", horizon = "someday", responsibleInstitution = "nadie", startsOn = "2026-05-01", endsOn = "2026-04-01",
            budget = -1, weight = 0, indicators = new[] { new { name = "", unit = "", baseline = (decimal?)null, target = (decimal?)null } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        var duplicate = await (await client.PostJsonAsync("/api/plans", new { municipalityCode = municipality, year = 2026 })).JsonAsync(HttpStatusCode.Conflict);
        var unreadable = await (await client.PostJsonAsync($"/api/plans/{planId}/actions", new { budget = "mucho" })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["municipalityCode", "year"], badPlan.ErrorFields());
        Assert.Equal(["title"], longTitle.ErrorFields());
        Assert.Equal(
            ["budget", "endsOn", "horizon", "indicators[0].baseline", "indicators[0].name", "indicators[0].target", "indicators[0].unit",
             "objectiveId", "responsibleInstitution", "title", "weight"],
            badAction.ErrorFields());
        Assert.Contains("no puede ser negativo", badAction.GetProperty("errors").GetProperty("budget")[0].GetString());
        Assert.Contains("ya tiene un plan", duplicate.Str("detail"));
        Assert.Equal(400, unreadable.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Two_people_editing_the_same_action_do_not_overwrite_each_other()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        using var admin = host.Client(host.Admin());
        var planId = await focal.CreateAsync(municipality);
        var objective = await focal.AddObjectiveAsync(planId, "Objetivo");
        var action = await focal.AddActionAsync(planId, objective, "Acción");
        var edit = new Dictionary<string, object?>(Plans.Action(objective, "Acción corregida")) { ["expectedVersion"] = action.Long("version") };

        await (await focal.PutJsonAsync($"/api/plans/{planId}/actions/{action.Id()}", edit)).JsonAsync(HttpStatusCode.OK);
        var late = await (await admin.PutJsonAsync($"/api/plans/{planId}/actions/{action.Id()}", edit)).JsonAsync(HttpStatusCode.Conflict);

        Assert.Contains("versión", late.Str("detail"));
    }
}
