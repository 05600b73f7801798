using Boards.Membership.Contracts.Events;

namespace Boards.Planning.Tests.Integration;

/// <summary>Agreements of a board session, published on the real bus, become proposed actions; one is accepted into the plan.</summary>
public sealed class ProposalTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task Agreements_from_a_session_are_proposed_and_one_becomes_an_action_of_the_plan()
    {
        var municipality = await host.NewMunicipalityAsync();
        var session = await host.SessionAsync(municipality, quorum: true, new DateOnly(2026, 4, 2));
        var kitchen = Agreement(municipality, session, "Habilitar la cocina comunitaria del barrio San Pedro", "mds", new DateOnly(2026, 9, 30));
        var clinic = Agreement(municipality, session, "Gestionar una jornada de salud en la compañía Potrero", "mspbs", new DateOnly(2026, 6, 30));
        await host.Bus.Publish(kitchen);
        await host.Bus.Publish(clinic);
        await PlanningHost.WaitUntilAsync(
            () => host.InScopeAsync(db => db.Proposals.CountAsync(p => p.MunicipalityCode == municipality)).ContinueWith(t => t.Result == 2),
            "two proposals in Planning");

        using var client = host.Client(host.FocalPoint(municipality));
        var proposals = await (await client.GetAsync($"/api/plans/proposals?municipality={municipality}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            [(clinic.AgreementId, "proposed", "mspbs", "2026-06-30"), (kitchen.AgreementId, "proposed", "mds", "2026-09-30")],
            proposals.EnumerateArray().Select(p => (p.GetProperty("agreementId").GetGuid(), p.Str("status"), p.Str("responsibleInstitution"), p.Str("dueOn"))).ToArray());
        Assert.All(proposals.EnumerateArray(), p => Assert.Equal("2026-04-02", p.Str("sessionDate")));

        var planId = await client.CreateAsync(municipality);
        var objective = await client.AddObjectiveAsync(planId, "Seguridad alimentaria");
        var accepted = await (await client.PostJsonAsync($"/api/plans/proposals/{kitchen.AgreementId}/accept",
            new { planId, objectiveId = objective, horizon = "immediate", budget = 5_000_000, expectedVersion = 1 })).JsonAsync(HttpStatusCode.Created);
        var action = accepted.GetProperty("action");
        Assert.Equal("accepted", accepted.GetProperty("proposal").Str("status"));
        Assert.Equal(kitchen.AgreementId, action.GetProperty("agreementId").GetGuid());
        Assert.Equal(("Habilitar la cocina comunitaria del barrio San Pedro", "mds", "2026-04-02", "2026-09-30", "immediate"),
            (action.Str("title"), action.Str("responsibleInstitution"), action.Str("startsOn"), action.Str("endsOn"), action.Str("horizon")));
        var plan = await client.GetAsync(planId);
        Assert.Contains(plan.Objective(objective).GetProperty("actions").EnumerateArray(), a => a.Id() == action.Id());

        var again = await (await client.PostJsonAsync($"/api/plans/proposals/{kitchen.AgreementId}/accept",
            new { planId, objectiveId = objective, horizon = "immediate", expectedVersion = 2 })).JsonAsync(HttpStatusCode.Conflict);
        var noReason = await (await client.PostJsonAsync($"/api/plans/proposals/{clinic.AgreementId}/dismiss", new { expectedVersion = 1 })).JsonAsync(HttpStatusCode.BadRequest);
        var dismissed = await (await client.PostJsonAsync($"/api/plans/proposals/{clinic.AgreementId}/dismiss",
            new { expectedVersion = 1, reason = "Lo cubre la jornada de servicios de junio" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("PROPOSAL_DECIDED", again.Str("code"));
        Assert.Equal(["reason"], noReason.ErrorFields());
        Assert.Equal(("dismissed", "Lo cubre la jornada de servicios de junio"), (dismissed.Str("status"), dismissed.Str("dismissReason")));

        await host.Bus.Publish(new AgreementStatusChanged
        {
            MunicipalityCode = municipality, BoardId = kitchen.BoardId, SessionId = session, AgreementId = kitchen.AgreementId,
            PreviousStatus = "pending", Status = "in_progress", OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1),
        });
        await PlanningHost.WaitUntilAsync(
            () => host.InScopeAsync(db => db.Proposals.AnyAsync(p => p.AgreementId == kitchen.AgreementId && p.AgreementStatus == "in_progress")),
            "the agreement's new status");
        var proposed = await (await client.GetAsync($"/api/plans/proposals?municipality={municipality}&status=proposed")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(proposed.EnumerateArray());
    }

    [Fact]
    public async Task Accepting_needs_a_draft_plan_of_the_same_municipality_and_an_objective_of_it()
    {
        var municipality = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        var session = await host.SessionAsync(municipality, quorum: true);
        var agreement = Agreement(municipality, session, "Censo de personas mayores", "mds", new DateOnly(2026, 8, 1));
        await host.Bus.Publish(agreement);
        await PlanningHost.WaitUntilAsync(() => host.InScopeAsync(db => db.Proposals.AnyAsync(p => p.AgreementId == agreement.AgreementId)), "the proposal");
        using var admin = host.Client(host.Admin());
        var otherPlan = await admin.CreateAsync(other);

        var wrongPlan = await (await admin.PostJsonAsync($"/api/plans/proposals/{agreement.AgreementId}/accept",
            new { planId = otherPlan, objectiveId = Guid.NewGuid(), horizon = "immediate", expectedVersion = 1 })).JsonAsync(HttpStatusCode.BadRequest);
        var planId = await admin.CreateAsync(municipality);
        var badFields = await (await admin.PostJsonAsync($"/api/plans/proposals/{agreement.AgreementId}/accept",
            new { planId, objectiveId = Guid.NewGuid(), horizon = "someday", expectedVersion = 1 })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["planId"], wrongPlan.ErrorFields());
        Assert.Equal(["horizon", "objectiveId"], badFields.ErrorFields());
    }

    private static AgreementRecorded Agreement(string municipality, Guid session, string what, string institution, DateOnly due) => new()
    {
        MunicipalityCode = municipality, BoardId = Guid.CreateVersion7(), SessionId = session, AgreementId = Guid.CreateVersion7(), What = what,
        ResponsibleInstitution = institution, DueOn = due, Status = "pending", OccurredAt = DateTimeOffset.UtcNow,
    };
}
