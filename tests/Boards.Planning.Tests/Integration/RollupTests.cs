namespace Boards.Planning.Tests.Integration;

/// <summary>The roll-up through the API, against the hand-computed example of docs/planning.md.</summary>
public sealed class RollupTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task Plan_progress_is_the_weighted_mean_of_objectives_without_cancelled_actions_and_is_published()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var a = await client.AddObjectiveAsync(planId, "Seguridad alimentaria", 2m);
        var b = await client.AddObjectiveAsync(planId, "Documentación", null);
        var c = await client.AddObjectiveAsync(planId, "Vivienda", 5m);
        var a1 = await client.AddActionAsync(planId, a, "Inscribir familias en Tekoporã", 1m);
        var a2 = await client.AddActionAsync(planId, a, "Huertas comunitarias", 3m);
        var a3 = await client.AddActionAsync(planId, a, "Comedor escolar", 2m);
        var b1 = await client.AddActionAsync(planId, b, "Jornada de cedulación", endsOn: "2026-03-31");
        var b2 = await client.AddActionAsync(planId, b, "Registro civil móvil");
        var c1 = await client.AddActionAsync(planId, c, "Relevamiento de viviendas");

        Assert.Equal(100m, (await client.ReportOkAsync(planId, a1, "done")).Dec("progress"));
        Assert.Equal(50m, (await client.ReportOkAsync(planId, a2, "in_progress")).Dec("progress"));
        var a3Started = await client.ReportOkAsync(planId, a3, "in_progress", 80m, "Ya funciona en 4 de 5 escuelas");
        await client.ReportOkAsync(planId, a3Started, "cancelled");
        var b2Started = await client.ReportOkAsync(planId, b2, "in_progress", 25m, "Una de cuatro compañías atendida");
        var b2Blocked = await client.ReportOkAsync(planId, b2Started, "blocked");
        await client.ReportOkAsync(planId, c1, "cancelled");

        // A = (1×100 + 3×50) / (1+3) = 62.5 (a3 cancelled); B = (1×0 + 1×25) / 2 = 12.5 (blocked keeps 25);
        // C has only a cancelled action: out of the plan's mean. Plan = (2×62.5 + 1×12.5) / (2+1) = 45.8333… → 45.83.
        Assert.Equal(25m, b2Blocked.Dec("progress"));
        var plan = await client.GetAsync(planId);
        Assert.Equal(62.5m, plan.Objective(a).Dec("progress"));
        Assert.Equal(12.5m, plan.Objective(b).Dec("progress"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plan.Objective(c).GetProperty("progress").ValueKind);
        Assert.True(plan.Objective(c).GetProperty("excludedFromPlan").GetBoolean());
        Assert.Equal(45.83m, plan.Dec("progress"));
        Assert.Equal(3m, plan.Dec("countedObjectiveWeight"));
        Assert.Contains("promedio ponderado", plan.Str("rollupRule"));
        Assert.Equal(4m, plan.Objective(a).Dec("countedActionWeight"));

        // b1 ended on 2026-03-31 and is not started: overdue, flagged in the view and counted.
        var overdue = plan.Objective(b).GetProperty("actions").EnumerateArray().Single(x => x.Id() == b1.Id());
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(1, plan.GetProperty("overdueActions").GetInt32());

        await PlanningHost.WaitUntilAsync(() => Task.FromResult(host.Progressed.Count(e => e.PlanId == planId) >= 7), "a PlanActionProgressed per change");
        var last = host.Progressed.First(e => e.ActionId == c1.Id());
        Assert.Equal(45.83m, last.Plan.Progress);
        Assert.Equal(6, last.Plan.ActionCount);
        Assert.Equal(1, last.Plan.OverdueActions);
        Assert.Equal(1, last.Plan.DoneActions);
        Assert.Equal("cancelled", last.Status);
        Assert.Equal(municipality, last.MunicipalityCode);
        Assert.Equal(3, host.Progressed.Where(e => e.ActionId == a3.Id()).Max(e => e.ActionVersion));
    }

    [Fact]
    public async Task A_progress_other_than_the_status_default_needs_a_reason()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Objetivo");
        var action = await client.AddActionAsync(planId, objective, "Acción");

        var noReason = await (await client.ReportAsync(planId, action, "in_progress", 70m)).JsonAsync(HttpStatusCode.BadRequest);
        var fixedStatus = await (await client.ReportAsync(planId, action, "done", 70m, "porque sí")).JsonAsync(HttpStatusCode.BadRequest);
        var badStatus = await (await client.ReportAsync(planId, action, "terminada")).JsonAsync(HttpStatusCode.BadRequest);
        var overridden = await client.ReportOkAsync(planId, action, "in_progress", 70m, "Se inscribieron 84 de 120 familias");
        var stale = await (await client.ReportAsync(planId, action, "done")).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal(["reason"], noReason.ErrorFields());
        Assert.Equal(["progress"], fixedStatus.ErrorFields());
        Assert.Equal(["status"], badStatus.ErrorFields());
        Assert.Equal(70m, overridden.Dec("progress"));
        Assert.True(overridden.GetProperty("progressOverridden").GetBoolean());
        Assert.Equal("Se inscribieron 84 de 120 familias", overridden.Str("progressReason"));
        Assert.Contains("versión", stale.Str("detail"));
    }
}
