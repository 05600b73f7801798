using Boards.Planning.Contracts.Events;
using Boards.Planning.Features.OverdueSweep;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Planning.Tests.Integration;

/// <summary>
/// The overdue sweep (Planning:OverdueSweepInterval, about a second in <see cref="PlanningHost"/>): an action that
/// passes its end date untouched is announced with a PlanActionProgressed (Overdue = true) received from RabbitMQ, once
/// per overdue episode. The host has no settable clock, so the actions are created with end dates already past.
/// </summary>
public sealed class OverdueSweepTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    /// <summary>Long enough for two more sweeps and their relay.</summary>
    private static readonly TimeSpan AFewSweeps = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task An_untouched_action_past_its_end_date_is_announced_once_and_done_lowers_the_plans_overdue_count()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Documentación");
        var late = await client.AddActionAsync(planId, objective, "Jornada de cedulación", endsOn: "2026-03-31");
        var alsoLate = await client.AddActionAsync(planId, objective, "Registro civil móvil", endsOn: "2026-04-30");
        var onTime = await client.AddActionAsync(planId, objective, "Censo de personas mayores");

        await WaitForAsync(late.Id(), e => e.Overdue, "the overdue announcement of the first action");
        await WaitForAsync(alsoLate.Id(), e => e.Overdue, "the overdue announcement of the second action");
        await Task.Delay(AFewSweeps);

        var announced = Assert.Single(EventsOf(late.Id()));
        Assert.Single(EventsOf(alsoLate.Id()));
        Assert.Empty(EventsOf(onTime.Id()));
        Assert.True(announced.Overdue);
        Assert.Equal((planId, municipality, 2026, "Jornada de cedulación"), (announced.PlanId, announced.MunicipalityCode, announced.Year, announced.Title));
        Assert.Equal(("not_started", 0m, new DateOnly(2026, 3, 31)), (announced.Status, announced.Progress, announced.EndsOn));
        // Notifications tells the responsible institution: the event names it.
        Assert.Equal(("mds", new DateOnly(2026, 3, 1)), (announced.ResponsibleInstitution, announced.StartsOn));
        // Created at version 1; the announcement is a change of its own, so consumers keeping the highest version take it.
        Assert.Equal(2, announced.ActionVersion);
        Assert.Equal((3, 2, 0, 0m), (announced.Plan.ActionCount, announced.Plan.OverdueActions, announced.Plan.DoneActions, announced.Plan.Progress));
        var view = await ActionViewAsync(client, planId, objective, late.Id());
        Assert.Equal(2, view.Long("version"));
        Assert.True(view.GetProperty("overdue").GetBoolean());
        Assert.NotNull(await host.InScopeAsync(db => db.Actions.Where(a => a.Id == late.Id()).Select(a => a.OverdueAnnouncedAt).SingleAsync()));

        // Done: the next event carries one overdue action fewer, and the sweep does not announce it again.
        await client.ReportOkAsync(planId, view, "done");
        var done = await WaitForAsync(late.Id(), e => e.Status == "done", "the done event");
        Assert.Equal((3, false), (done.ActionVersion, done.Overdue));
        Assert.Equal((1, 1, 3), (done.Plan.OverdueActions, done.Plan.DoneActions, done.Plan.ActionCount));
        await Task.Delay(AFewSweeps);
        Assert.Equal(2, EventsOf(late.Id()).Count);
        Assert.Single(EventsOf(alsoLate.Id()));
        Assert.Null(await host.InScopeAsync(db => db.Actions.Where(a => a.Id == late.Id()).Select(a => a.OverdueAnnouncedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_later_end_date_starts_a_new_episode_and_a_progress_report_counts_as_the_announcement()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Seguridad alimentaria");
        var action = await client.AddActionAsync(planId, objective, "Huertas comunitarias", endsOn: "2026-03-31");
        await WaitForAsync(action.Id(), e => e.Overdue, "the first overdue announcement");

        // An amendment of the draft moves the end date later, still past: a new deadline, announced again (once).
        var edit = new Dictionary<string, object?>(Plans.Action(objective, "Huertas comunitarias", endsOn: "2026-04-30")) { ["expectedVersion"] = 2 };
        var edited = await (await client.PutJsonAsync($"/api/plans/{planId}/actions/{action.Id()}", edit)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, edited.Long("version"));
        var again = await WaitForAsync(action.Id(), e => e.Overdue && e.EndsOn == new DateOnly(2026, 4, 30), "the announcement of the new episode");
        Assert.Equal(4, again.ActionVersion);
        await Task.Delay(AFewSweeps);
        Assert.Equal([2L, 4L], EventsOf(action.Id()).Select(e => e.ActionVersion).Order().ToArray());

        // A progress report on an overdue action already says so (Overdue = true): the sweep adds nothing. Done and then
        // re-opened, the report's own event announces the new episode.
        var started = await client.ReportOkAsync(planId, await ActionViewAsync(client, planId, objective, action.Id()), "in_progress");
        var done = await client.ReportOkAsync(planId, started, "done");
        await client.ReportOkAsync(planId, done, "not_started");
        await WaitForAsync(action.Id(), e => e.ActionVersion == 7, "the re-opening");
        await Task.Delay(AFewSweeps);
        var events = EventsOf(action.Id()).OrderBy(e => e.ActionVersion).ToList();
        Assert.Equal([2L, 4L, 5L, 6L, 7L], events.Select(e => e.ActionVersion).ToArray());
        Assert.Equal([true, true, true, false, true], events.Select(e => e.Overdue).ToArray());
        Assert.Equal([1, 1, 1, 0, 1], events.Select(e => e.Plan.OverdueActions).ToArray());
    }

    [Fact]
    public async Task Sweeps_running_side_by_side_announce_each_action_once()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Vivienda");
        var actions = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            actions.Add((await client.AddActionAsync(planId, objective, $"Relevamiento {i}", endsOn: "2026-03-31")).Id());
        }

        // Four sweeps at once, each with its own connection, beside the host's own: as several instances would run.
        var sweep = host.Factory.Services.GetRequiredService<OverdueSweepService>();
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => sweep.SweepAsync(CancellationToken.None))));
        Assert.InRange(counts.Sum(), 0, actions.Count);

        foreach (var id in actions)
        {
            await WaitForAsync(id, e => e.Overdue, $"the overdue announcement of {id}");
        }

        await Task.Delay(AFewSweeps);
        Assert.All(actions, id => Assert.Equal(2, Assert.Single(EventsOf(id)).ActionVersion));
        var versions = await host.InScopeAsync(db => db.Actions.Where(a => a.PlanId == planId).Select(a => a.Version).ToListAsync());
        Assert.All(versions, v => Assert.Equal(2, v));
    }

    private List<PlanActionProgressed> EventsOf(Guid actionId) => host.Progressed.Where(e => e.ActionId == actionId).ToList();

    private async Task<PlanActionProgressed> WaitForAsync(Guid actionId, Func<PlanActionProgressed, bool> match, string what)
    {
        await PlanningHost.WaitUntilAsync(() => Task.FromResult(EventsOf(actionId).Any(match)), what);
        return EventsOf(actionId).Where(match).MaxBy(e => e.ActionVersion)!;
    }

    private static async Task<JsonElement> ActionViewAsync(HttpClient client, Guid planId, Guid objectiveId, Guid actionId) =>
        (await client.GetAsync(planId)).Objective(objectiveId).GetProperty("actions").EnumerateArray().Single(a => a.Id() == actionId);
}
