using MonitoringGrpc = Boards.Monitoring.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// The territorial action plan across the whole system: a board session recorded in Membership brings an agreement to
/// Planning as a proposed action, the focal point builds the plan through the gateway, the board's session approves it
/// (locked; a change needs an amendment), execution is tracked, and Monitoring shows the plan's progress.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class PlanFlowTests(BoardsAppFixture boards)
{
    private const string Municipality = "alberdi";

    [Fact]
    public async Task An_agreement_becomes_an_action_the_board_approves_the_plan_and_monitoring_shows_its_progress()
    {
        var admin = await boards.Tokens.ForUser("admin");
        var focal = await boards.Tokens.ForUser($"focal.{Municipality}");
        var analyst = await boards.Tokens.ForUser("analyst");
        await ExpectAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = Municipality, resolutionNumber = "Res. 9/2025", resolutionDate = "2025-04-01",
            chairName = "Intendencia municipal", chairRole = "mayor",
        });
        var members = new List<string>();
        foreach (var (name, sector) in new[] { ("Concejal de Alberdi", "local_government"), ("USF Alberdi", "national_institution"), ("Comisión vecinal", "community_organization") })
        {
            var added = await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", admin, [HttpStatusCode.Created], GatewayCalls.Member(name, sector));
            members.Add(added.GetProperty("member").GetProperty("id").GetString()!);
        }

        var session = await ExpectAsync(HttpMethod.Post, $"/api/boards/{Municipality}/sessions", admin, [HttpStatusCode.Created], new
        {
            date = "2026-02-10", agenda = "Plan de acción territorial 2026", minutes = "Se aprueba el plan.", attendees = members,
            agreements = new[] { new { what = "Jornada de vacunación en la compañía Costa", responsibleInstitution = "mspbs", dueOn = "2026-06-30" } },
        });
        var sessionId = session.GetProperty("id").GetGuid();

        var plan = await ExpectAsync(HttpMethod.Post, "/api/plans", focal, [HttpStatusCode.Created], new { municipalityCode = Municipality, year = 2026 });
        var planPath = $"/api/plans/{plan.GetProperty("id").GetGuid()}";
        var withObjective = await ExpectAsync(HttpMethod.Post, $"{planPath}/objectives", focal, [HttpStatusCode.Created],
            new { title = "Mejorar el acceso a la salud en las compañías", weight = 2 });
        var objectiveId = withObjective.GetProperty("objectives")[0].GetProperty("id").GetGuid();
        var action = await ExpectAsync(HttpMethod.Post, $"{planPath}/actions", focal, [HttpStatusCode.Created], new
        {
            objectiveId, title = "Censo de personas mayores sin cobertura", horizon = "short_term", responsibleInstitution = "mds",
            startsOn = "2026-03-01", endsOn = "2026-12-15", budget = 5_000_000,
        });

        // The session's agreement arrives in Planning as a proposed action (AgreementRecorded through RabbitMQ).
        var proposals = await Eventually.Until(
            () => ExpectAsync(HttpMethod.Get, $"/api/plans/proposals?municipality={Municipality}", focal, [HttpStatusCode.OK]),
            list => list.GetArrayLength() > 0,
            what: "the agreement as a proposed action");
        var proposal = proposals[0];
        await ExpectAsync(HttpMethod.Post, $"/api/plans/proposals/{proposal.GetProperty("agreementId").GetGuid()}/accept", focal, [HttpStatusCode.Created], new
        {
            planId = plan.GetProperty("id").GetGuid(), objectiveId, horizon = "immediate", expectedVersion = proposal.GetProperty("version").GetInt64(),
        });

        // The board's session approves it (SessionHeld through RabbitMQ tells Planning about the session and its quorum).
        var draft = await ExpectAsync(HttpMethod.Get, planPath, focal, [HttpStatusCode.OK]);
        Assert.Equal(2, draft.GetProperty("actionCount").GetInt32());
        var approved = await Eventually.Until(
            () => SendAsync(HttpMethod.Post, $"{planPath}/approve", focal, new { sessionId, expectedRevision = draft.GetProperty("revision").GetInt64() }),
            r => r.Status != HttpStatusCode.BadRequest,
            what: "the session known to Planning");
        Assert.True(approved.Status == HttpStatusCode.OK, approved.Text);

        var locked = await SendAsync(HttpMethod.Post, $"{planPath}/objectives", focal, new { title = "Otro objetivo" });
        Assert.Equal(HttpStatusCode.Conflict, locked.Status);

        await ExpectAsync(HttpMethod.Post, $"{planPath}/actions/{action.GetProperty("id").GetGuid()}/progress", focal, [HttpStatusCode.OK],
            new { expectedVersion = action.GetProperty("version").GetInt64(), status = "done" });

        // Two actions of weight 1 in one objective: done (100) and not started (0) → 50.
        var summary = await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new MonitoringGrpc.GetMunicipalityRequest { Code = Municipality }, BoardsAppFixture.Bearer(analyst)).ResponseAsync,
            s => s.Plan is { DoneActions: 1 },
            what: "the plan's progress in Monitoring");
        Assert.Equal((2026, 1, 50.0, 2), (summary.Plan.Year, summary.Plan.Version, summary.Plan.Progress, summary.Plan.ActionCount));
    }

    private Task<JsonElement> ExpectAsync(HttpMethod method, string path, string token, HttpStatusCode[] expected, object? body = null) =>
        boards.Http.ExpectJsonAsync(method, path, token, expected, body);

    private Task<GatewayReply> SendAsync(HttpMethod method, string path, string token, object? body = null) =>
        boards.Http.SendJsonAsync(method, path, token, body);
}
