using Google.Rpc;
using Grpc.Core;
using Proto = Boards.Planning.Contracts.Grpc;

namespace Boards.Planning.Tests.Integration;

/// <summary>boards.planning.v1.PlanService through a real gRPC client and real tokens.</summary>
public sealed class GrpcTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    [Fact]
    public async Task Get_list_and_list_actions_answer_with_the_rollup_and_refuse_bad_input_and_scope()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var rest = host.Client(host.FocalPoint(municipality));
        var planId = await rest.CreateAsync(municipality);
        var objective = await rest.AddObjectiveAsync(planId, "Objetivo");
        var done = await rest.AddActionAsync(planId, objective, "Cumplida");
        await rest.AddActionAsync(planId, objective, "Vencida", endsOn: "2026-03-31");
        await rest.ReportOkAsync(planId, done, "done");

        using var channel = host.Channel();
        var client = new Proto.PlanService.PlanServiceClient(channel);
        var integrator = Bearer(host.Integrator());
        var plan = await client.GetPlanAsync(new Proto.GetPlanRequest { PlanId = planId.ToString() }, integrator);
        var list = await client.ListPlansAsync(new Proto.ListPlansRequest { MunicipalityCode = municipality, Year = 2026 }, integrator);
        var overdue = await client.ListActionsAsync(new Proto.ListActionsRequest { PlanId = planId.ToString(), OverdueOnly = true }, integrator);

        Assert.Equal((50d, 2, 1, 1), (plan.Progress, plan.ActionCount, plan.OverdueActions, plan.DoneActions));
        Assert.Equal(50d, plan.Objectives.Single().Progress);
        Assert.Equal("done", plan.Objectives.Single().Actions.First().Status);
        Assert.Equal([planId.ToString()], list.Plans.Select(p => p.Id).ToArray());
        Assert.Equal(["Vencida"], overdue.Actions.Select(a => a.Title).ToArray());
        Assert.Equal("2026-03-31", overdue.Actions.Single().EndsOn);

        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            client.ListActionsAsync(new Proto.ListActionsRequest { PlanId = "no-es-un-id", Status = "terminada" }, integrator).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(["plan_id", "status"],
            invalid.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal).ToArray());
        var notFound = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetPlanAsync(new Proto.GetPlanRequest { PlanId = Guid.NewGuid().ToString() }, integrator).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        var stranger = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetPlanAsync(new Proto.GetPlanRequest { PlanId = planId.ToString() }, Bearer(host.FocalPoint("otro-municipio"))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, stranger.StatusCode);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetPlanAsync(new Proto.GetPlanRequest { PlanId = planId.ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }
}
