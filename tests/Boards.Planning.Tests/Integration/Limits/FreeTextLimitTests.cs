using Google.Rpc;
using Grpc.Core;
using Proto = Boards.Planning.Contracts.Grpc;

namespace Boards.Planning.Tests.Integration.Limits;

/// <summary>
/// Every text field and list of a Planning request has a declared maximum (PlanningLimits): over it the answer is 400
/// naming the field (REST) or InvalidArgument naming the proto field (gRPC), nothing is written, and exactly the maximum
/// is accepted. The OpenAPI document shows every maximum.
/// </summary>
public sealed class FreeTextLimitTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    private static string Text(int length) => new('ñ', length);

    [Fact]
    public async Task Every_text_field_and_list_of_a_rest_body_declares_its_maximum_in_the_openapi_document()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var undeclared = OpenApiLimits.Undeclared(document.RootElement);

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Fact]
    public async Task Plan_fields_over_their_maximum_are_refused_each_named_and_no_plan_is_written()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));

        var problem = await (await focal.PostJsonAsync("/api/plans", new { municipalityCode = Text(6_400), year = 2026, title = Text(20_000) }))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "municipalityCode", "title" }, problem.ErrorFields().ToHashSet());
        Assert.Equal(0, await host.InScopeAsync(db => db.Plans.CountAsync(p => p.MunicipalityCode == municipality)));
    }

    [Fact]
    public async Task Objective_fields_and_lists_over_their_maximum_are_refused_each_named_and_nothing_changes()
    {
        var (focal, planId) = await NewPlanAsync();
        using var _ = focal;

        var problem = await (await focal.PostJsonAsync($"/api/plans/{planId}/objectives", new
        {
            title = Text(301), description = Text(200_000), needIds = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToArray(),
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "title", "description", "needIds" }, problem.ErrorFields().ToHashSet());
        Assert.Equal(0, await host.InScopeAsync(db => db.Objectives.CountAsync(o => o.PlanId == planId)));
    }

    [Fact]
    public async Task An_objective_whose_texts_are_exactly_their_maximum_is_added_whole()
    {
        var (focal, planId) = await NewPlanAsync();
        using var _ = focal;

        var plan = await (await focal.PostJsonAsync($"/api/plans/{planId}/objectives", new { title = Text(300), description = Text(2000) }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Text(2000), plan.GetProperty("objectives").EnumerateArray().Last().Str("description"));
    }

    [Fact]
    public async Task Action_fields_and_indicators_over_their_maximum_are_refused_each_named_and_no_action_is_written()
    {
        var (focal, planId) = await NewPlanAsync();
        using var _ = focal;
        var objectiveId = await focal.AddObjectiveAsync(planId, "Seguridad alimentaria");
        var action = Plans.Action(objectiveId, Text(30_000));
        action["horizon"] = Text(17);
        action["responsibleInstitution"] = Text(65);
        action["indicators"] = new[] { new { name = Text(201), unit = Text(51), baseline = 0, target = 1 } };

        var problem = await (await focal.PostJsonAsync($"/api/plans/{planId}/actions", action)).JsonAsync(HttpStatusCode.BadRequest);
        action["title"] = "Ferias";
        action["horizon"] = "short_term";
        action["responsibleInstitution"] = "mds";
        action["indicators"] = Enumerable.Range(0, 21).Select(i => new { name = $"i{i}", unit = "u", baseline = 0, target = 1 }).ToArray();
        var many = await (await focal.PostJsonAsync($"/api/plans/{planId}/actions", action)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string> { "title", "horizon", "responsibleInstitution", "indicators[0].name", "indicators[0].unit" },
            problem.ErrorFields().ToHashSet());
        Assert.Contains("indicators", many.ErrorFields());
        Assert.Equal(0, await host.InScopeAsync(db => db.Actions.CountAsync(a => a.ObjectiveId == objectiveId)));
    }

    [Fact]
    public async Task A_progress_report_over_its_maximum_is_refused_naming_its_fields_and_the_action_does_not_change()
    {
        var (focal, planId) = await NewPlanAsync();
        using var _ = focal;
        var objectiveId = await focal.AddObjectiveAsync(planId, "Seguridad alimentaria");
        var action = await focal.AddActionAsync(planId, objectiveId, "Ferias de alimentos");
        var version = action.Long("version");

        var problem = await (await focal.PostJsonAsync($"/api/plans/{planId}/actions/{action.Id()}/progress", new
        {
            expectedVersion = version, status = Text(17), progress = 50, reason = Text(100_000),
            indicators = new[] { new { name = Text(201), currentValue = 1 } },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "status", "reason", "indicators[0].name" }, problem.ErrorFields().ToHashSet());
        Assert.Equal(version, await host.InScopeAsync(db => db.Actions.Where(a => a.Id == action.Id()).Select(a => a.Version).SingleAsync()));
    }

    [Theory]
    [InlineData(65)]
    [InlineData(6_400)]
    public async Task Over_grpc_ids_and_codes_over_their_maximum_are_invalid_argument_naming_the_field(int length)
    {
        var client = new Proto.PlanService.PlanServiceClient(host.Channel());
        var headers = new Metadata { { "authorization", $"Bearer {host.Analyst()}" } };

        var calls = new (string Field, Func<Task> Call)[]
        {
            ("plan_id", () => client.GetPlanAsync(new Proto.GetPlanRequest { PlanId = Text(length) }, headers).ResponseAsync),
            ("municipality_code", () => client.ListPlansAsync(new Proto.ListPlansRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync),
            ("plan_id", () => client.ListActionsAsync(new Proto.ListActionsRequest { PlanId = Text(length) }, headers).ResponseAsync),
            ("status", () => client.ListActionsAsync(new Proto.ListActionsRequest { PlanId = Guid.NewGuid().ToString(), Status = Text(length) }, headers).ResponseAsync),
        };
        foreach (var (field, call) in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Equal(field, Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }
    }

    private async Task<(HttpClient Focal, Guid PlanId)> NewPlanAsync()
    {
        var municipality = await host.NewMunicipalityAsync();
        var focal = host.Client(host.FocalPoint(municipality));
        return (focal, await focal.CreateAsync(municipality));
    }
}
