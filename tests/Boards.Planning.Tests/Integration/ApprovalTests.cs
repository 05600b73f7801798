namespace Boards.Planning.Tests.Integration;

/// <summary>Approval with a session that had quorum, the lock, and amendments with their diff.</summary>
public sealed class ApprovalTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task Approval_needs_a_known_session_of_the_same_municipality_with_quorum()
    {
        var municipality = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Objetivo");
        await client.AddActionAsync(planId, objective, "Acción");
        var noQuorum = await host.SessionAsync(municipality, quorum: false);
        var elsewhere = await host.SessionAsync(other, quorum: true);

        var unknown = await client.ApproveAsync(planId, Guid.NewGuid(), HttpStatusCode.BadRequest);
        var wrongBoard = await client.ApproveAsync(planId, elsewhere, HttpStatusCode.BadRequest);
        var withoutQuorum = await client.ApproveAsync(planId, noQuorum, HttpStatusCode.Conflict);
        var missing = await (await client.PostJsonAsync($"/api/plans/{planId}/approve", new { })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["sessionId"], unknown.ErrorFields());
        Assert.Contains("No se conoce la sesión", unknown.GetProperty("errors").GetProperty("sessionId")[0].GetString());
        Assert.Contains(other, wrongBoard.GetProperty("errors").GetProperty("sessionId")[0].GetString());
        Assert.Equal("NO_QUORUM", withoutQuorum.Str("code"));
        Assert.Contains("no tuvo quórum", withoutQuorum.Str("detail"));
        Assert.Equal(["expectedRevision", "sessionId"], missing.ErrorFields());
        Assert.Equal("draft", (await client.GetAsync(planId)).Str("status"));
    }

    [Fact]
    public async Task An_approved_plan_is_locked_and_a_change_is_an_amendment_with_a_field_by_field_diff()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Seguridad alimentaria");
        var kept = await client.AddActionAsync(planId, objective, "Huertas comunitarias");
        var dropped = await client.AddActionAsync(planId, objective, "Ferias de productores");
        var session = await host.SessionAsync(municipality, quorum: true);

        // A stale revision: the board approves the text it read.
        var stale = await (await client.PostJsonAsync($"/api/plans/{planId}/approve", new { sessionId = session, expectedRevision = 1 })).JsonAsync(HttpStatusCode.Conflict);
        var approved = await client.ApproveAsync(planId, session);
        Assert.Contains("revisión", stale.Str("detail"));
        Assert.Equal(("approved", 1), (approved.Str("status"), approved.GetProperty("version").GetInt32()));

        await PlanningHost.WaitUntilAsync(() => Task.FromResult(host.Approved.Any(e => e.PlanId == planId)), "PlanApproved version 1");
        var first = host.Approved.First(e => e.PlanId == planId && e.Version == 1);
        Assert.Equal((1, session, 1, 2, municipality, 2026), (first.Version, first.SessionId, first.ObjectiveCount, first.ActionCount, first.MunicipalityCode, first.Year));

        // Locked: structure refused with 409 (FailedPrecondition); execution is tracked without an amendment.
        var addAction = await (await client.PostJsonAsync($"/api/plans/{planId}/actions", Plans.Action(objective, "Nueva"))).JsonAsync(HttpStatusCode.Conflict);
        var editAction = await (await client.PutJsonAsync($"/api/plans/{planId}/actions/{kept.Id()}",
            new Dictionary<string, object?>(Plans.Action(objective, "Otra")) { ["expectedVersion"] = kept.Long("version") })).JsonAsync(HttpStatusCode.Conflict);
        var addObjective = await (await client.PostJsonAsync($"/api/plans/{planId}/objectives", new { title = "Otro" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.All([addAction, editAction, addObjective], problem => Assert.Equal("PLAN_APPROVED", problem.Str("code")));
        var tracked = await client.ReportOkAsync(planId, kept, "in_progress");
        Assert.Equal(50m, tracked.Dec("progress"));

        // The amendment: draft version 2, edited, diffed, approved in another session.
        var amendment = await (await client.PostJsonAsync($"/api/plans/{planId}/amendments", new { expectedRevision = approved.Long("revision") })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("draft", 2), (amendment.Str("status"), amendment.GetProperty("version").GetInt32()));
        var edit = new Dictionary<string, object?>(Plans.Action(objective, "Huertas comunitarias y escolares")) { ["expectedVersion"] = tracked.Long("version"), ["budget"] = 20_000_000 };
        var edited = await (await client.PutJsonAsync($"/api/plans/{planId}/actions/{kept.Id()}", edit)).JsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync($"/api/plans/{planId}/actions/{dropped.Id()}/remove", new { expectedVersion = dropped.Long("version") })).JsonAsync(HttpStatusCode.OK);
        var added = await client.AddActionAsync(planId, objective, "Cocinas comunitarias");
        Assert.Equal(("in_progress", 50m), (edited.Str("status"), edited.Dec("progress")));

        var diff = await (await client.GetAsync($"/api/plans/{planId}/versions/2/diff")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 2), (diff.GetProperty("fromVersion").GetInt32(), diff.GetProperty("toVersion").GetInt32()));
        Assert.Empty(diff.GetProperty("objectives").EnumerateArray());
        var actions = diff.GetProperty("actions").EnumerateArray().ToDictionary(a => a.Id());
        Assert.Equal("changed", actions[kept.Id()].Str("change"));
        Assert.Equal("removed", actions[dropped.Id()].Str("change"));
        Assert.Equal("added", actions[added.Id()].Str("change"));
        var fields = actions[kept.Id()].GetProperty("fields").EnumerateArray()
            .Select(f => (f.Str("field"), f.Str("label"), f.Str("before"), f.Str("after"))).ToArray();
        Assert.Equal(
            [("title", "Título", "Huertas comunitarias", "Huertas comunitarias y escolares"), ("budget", "Presupuesto (Gs.)", "15000000", "20000000")],
            fields);

        var sameSession = await client.ApproveAsync(planId, session, HttpStatusCode.Conflict);
        Assert.Equal("SESSION_USED", sameSession.Str("code"));
        var second = await client.ApproveAsync(planId, await host.SessionAsync(municipality, quorum: true, new DateOnly(2026, 7, 14)));
        Assert.Equal(("approved", 2), (second.Str("status"), second.GetProperty("version").GetInt32()));
        await PlanningHost.WaitUntilAsync(() => Task.FromResult(host.Approved.Any(e => e.PlanId == planId && e.Version == 2)), "PlanApproved version 2");
        Assert.Equal(2, host.Approved.First(e => e.PlanId == planId && e.Version == 2).ActionCount);

        var versions = await (await client.GetAsync($"/api/plans/{planId}/versions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ToArray());
        // The approved version 2's diff is the same, from its stored structure; version 1 added everything.
        var stored = await (await client.GetAsync($"/api/plans/{planId}/versions/2/diff")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, stored.GetProperty("actions").GetArrayLength());
        var firstDiff = await (await client.GetAsync($"/api/plans/{planId}/versions/1/diff")).JsonAsync(HttpStatusCode.OK);
        Assert.All(firstDiff.GetProperty("actions").EnumerateArray(), a => Assert.Equal("added", a.Str("change")));
        Assert.Equal(JsonValueKind.Array, firstDiff.GetProperty("plan").ValueKind);
    }

    [Fact]
    public async Task An_amendment_is_opened_only_on_an_approved_plan()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var client = host.Client(host.FocalPoint(municipality));
        var planId = await client.CreateAsync(municipality);

        var draft = await (await client.PostJsonAsync($"/api/plans/{planId}/amendments", new { expectedRevision = 1 })).JsonAsync(HttpStatusCode.Conflict);
        var empty = await client.ApproveAsync(planId, await host.SessionAsync(municipality, quorum: true), HttpStatusCode.Conflict);

        Assert.Equal("PLAN_DRAFT", draft.Str("code"));
        Assert.Equal("PLAN_EMPTY", empty.Str("code"));
    }
}
