using System.Collections.Concurrent;
using System.Net.Http.Json;
using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Contracts.Events;
using Boards.Monitoring.Contracts.Grpc;
using MassTransit;
using Microsoft.AspNetCore.Hosting;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// The Monitoring host with tokens (like <see cref="TokenMonitoringHost"/>), the early-warning sweep every second, and a
/// listener queue that collects the EarlyWarningRaised the service publishes through its outbox.
/// </summary>
public sealed class EarlyWarningHost : MonitoringHost
{
    public ConcurrentQueue<EarlyWarningRaised> Raised { get; } = new();

    protected override bool IssuesTokens => true;

    protected override void ConfigureBus(IRabbitMqBusFactoryConfigurator rabbit)
    {
        DeleteQueuesAtEnd(ListenerQueue, endpoint: false);
        rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
        {
            endpoint.AutoDelete = true;
            Collect(endpoint, Raised);
        });
    }

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Monitoring:EarlyWarnings:Interval", "00:00:01");
        web.UseSetting("Monitoring:EarlyWarnings:SpikeMinCount", "5");
    }
}

/// <summary>
/// Early warnings end to end in the service: events on the real bus, the hosted sweep, EarlyWarningRaised on the bus,
/// and the warnings read and acknowledged over REST and gRPC with real tokens.
/// </summary>
public sealed class EarlyWarningTests(EarlyWarningHost host) : IClassFixture<EarlyWarningHost>
{
    private static DateOnly Today => Boards.Monitoring.Domain.ParaguayCalendar.Today(DateTimeOffset.UtcNow);

    private Task<string> AnalystAsync() => host.TokenAsync(null, BoardsRoles.MinistryAnalyst);

    private static SessionHeld Session(string code, DateOnly date) => new()
    {
        MunicipalityCode = code,
        BoardId = Guid.CreateVersion7(),
        SessionId = Guid.CreateVersion7(),
        SessionVersion = 1,
        Date = date,
        QuorumReached = true,
        AttendeesCount = 9,
        VotingMembersCount = 10,
        VotingPresentCount = 8,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? token, HttpStatusCode expected, object? body = null)
    {
        using var client = host.Client(token);
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement[]> WarningsAsync(string token, string query) =>
        (await SendAsync(HttpMethod.Get, $"/api/monitoring/warnings?{query}", token, HttpStatusCode.OK)).EnumerateArray().ToArray();

    private async Task<JsonElement> WaitForWarningAsync(string code, string rule, string status)
    {
        var analyst = await AnalystAsync();
        JsonElement found = default;
        await MonitoringHost.WaitUntilAsync(async () =>
        {
            var match = (await WarningsAsync(analyst, $"municipality={code}"))
                .Where(w => w.GetProperty("rule").GetString() == rule && w.GetProperty("status").GetString() == status)
                .ToArray();
            if (match.Length > 0)
            {
                found = match[0];
            }

            return match.Length > 0;
        }, $"a {status} {rule} warning for {code}");
        return found;
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    [Fact]
    public async Task No_session_in_60_days_is_raised_once_published_acknowledged_and_resolved_by_a_new_session()
    {
        var code = TestCodes.Unique("sesion");
        var analyst = await AnalystAsync();
        await host.PublishAndWaitAsync(Session(code, Today.AddDays(-61)));

        var warning = await WaitForWarningAsync(code, "no_recent_session", "active");
        var id = warning.GetProperty("id").GetGuid();
        Assert.Equal("Mesa sin sesionar", warning.GetProperty("ruleTitle").GetString());
        Assert.Equal(61m, warning.GetProperty("figures").GetProperty("days_since_last_session").GetDecimal());
        Assert.Contains("61 días", warning.GetProperty("evidence").GetString());
        Assert.Equal(code, warning.GetProperty("municipalityCode").GetString());

        await MonitoringHost.WaitUntilAsync(() => Task.FromResult(host.Raised.Any(r => r.WarningId == id)), "EarlyWarningRaised on the bus");
        var published = host.Raised.Single(r => r.WarningId == id);
        Assert.Equal(("no_recent_session", code, 61m), (published.Rule, published.MunicipalityCode, published.Figures["days_since_last_session"]));

        // Several more sweeps: still one warning, still one event.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await WarningsAsync(analyst, $"municipality={code}"));
        // Other test hosts share the broker and may raise their own warning for this code from the same SessionHeld:
        // one warning in this host's database (above) and one event for it.
        Assert.Single(host.Raised, r => r.WarningId == id);

        var acknowledged = await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{id}/acknowledge", analyst, HttpStatusCode.OK,
            new { note = "Se coordinó con el punto focal una sesión extraordinaria." });
        Assert.Equal("acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.Equal("Se coordinó con el punto focal una sesión extraordinaria.", acknowledged.GetProperty("acknowledgementNote").GetString());
        Assert.False(string.IsNullOrEmpty(acknowledged.GetProperty("acknowledgedBy").GetString()));
        Assert.Single(await WarningsAsync(analyst, $"municipality={code}&status=acknowledged"));
        Assert.Empty(await WarningsAsync(analyst, $"municipality={code}&status=active"));
        await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{id}/acknowledge", analyst, HttpStatusCode.Conflict, new { note = "otra vez" });

        await host.PublishAndWaitAsync(Session(code, Today));
        var resolved = await WaitForWarningAsync(code, "no_recent_session", "resolved");
        Assert.Equal(id, resolved.GetProperty("id").GetGuid());
        Assert.Equal("Se coordinó con el punto focal una sesión extraordinaria.", resolved.GetProperty("acknowledgementNote").GetString());
        Assert.NotEqual(JsonValueKind.Null, resolved.GetProperty("resolvedAt").ValueKind);
        Assert.Single(host.Raised, r => r.WarningId == id);
        Assert.Single(await WarningsAsync(analyst, $"municipality={code}"));

        // gRPC gives the same history.
        var grpc = new MonitoringService.MonitoringServiceClient(host.Channel());
        var listed = await grpc.ListWarningsAsync(new ListWarningsRequest { Municipality = code, Status = "resolved" }, Bearer(analyst));
        var one = Assert.Single(listed.Warnings);
        Assert.Equal((id.ToString(), "no_recent_session", "resolved", 61d),
            (one.Id, one.Rule, one.Status, one.Figures["days_since_last_session"]));
        Assert.NotNull(one.ResolvedAt);
        Assert.Equal("Se coordinó con el punto focal una sesión extraordinaria.", one.AcknowledgementNote);
    }

    [Fact]
    public async Task Referral_events_on_the_bus_raise_the_weekly_spike_and_the_unmet_demand_and_overdue_rising_warnings()
    {
        var spike = TestCodes.Unique("pico");
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await host.PublishAndWaitAsync(new ReferralStory(spike, now.AddHours(-1 - i)).Requested());
        }

        var rejections = TestCodes.Unique("rechazo");
        // Three rejections for no_capacity in the last 7 days, none in the 4 weeks before; one for another reason.
        for (var i = 0; i < 3; i++)
        {
            await host.PublishAndWaitAsync(new ReferralStory(rejections, now.AddDays(-2)).Rejected(1));
        }

        var overdue = TestCodes.Unique("vencidas");
        // Three referrals fell overdue yesterday, none in the week before.
        for (var i = 0; i < 3; i++)
        {
            await host.PublishAndWaitAsync(new ReferralStory(overdue, now.AddDays(-6)).Overdue("requested", 1, 5));
        }

        var raisedSpike = await WaitForWarningAsync(spike, "referral_spike", "active");
        Assert.Equal((5m, 0m, 5m), (raisedSpike.GetProperty("figures").GetProperty("last_7_days").GetDecimal(),
            raisedSpike.GetProperty("figures").GetProperty("trailing_8_week_mean").GetDecimal(),
            raisedSpike.GetProperty("figures").GetProperty("z_score").GetDecimal()));

        var unmet = await WaitForWarningAsync(rejections, "unmet_demand_rising", "active");
        Assert.Equal(3m, unmet.GetProperty("figures").GetProperty("last_7_days").GetDecimal());
        Assert.Contains("'ingresos'", unmet.GetProperty("evidence").GetString());

        var rising = await WaitForWarningAsync(overdue, "overdue_referrals_rising", "active");
        Assert.Equal((3m, 0m), (rising.GetProperty("figures").GetProperty("last_7_days").GetDecimal(),
            rising.GetProperty("figures").GetProperty("previous_7_days").GetDecimal()));

        var spikeId = raisedSpike.GetProperty("id").GetGuid();
        await MonitoringHost.WaitUntilAsync(() => Task.FromResult(host.Raised.Any(r => r.WarningId == spikeId)), "EarlyWarningRaised for the spike");
    }

    [Fact]
    public async Task Plan_actions_overdue_and_low_representativity_are_raised_and_resolved_by_newer_events()
    {
        var code = TestCodes.Unique("pat");
        var planId = Guid.CreateVersion7();
        var actionId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        await host.PublishAndWaitAsync(PlanEvents.Progressed(code, planId, 2026, actionId, 1, PlanEvents.Rollup(30m, 6, 2, 1), at, overdue: true));
        await host.PublishAndWaitAsync(TestCodes.Assessed(code, at, 42.5m, "sin comunidades indígenas"));

        var plan = await WaitForWarningAsync(code, "plan_actions_overdue", "active");
        Assert.Equal("2 de 6 acciones del PAT 2026 están vencidas.", plan.GetProperty("evidence").GetString());
        var representativity = await WaitForWarningAsync(code, "low_representativity", "active");
        Assert.Equal((42.5m, 60m), (representativity.GetProperty("figures").GetProperty("score").GetDecimal(),
            representativity.GetProperty("figures").GetProperty("threshold").GetDecimal()));

        await host.PublishAndWaitAsync(PlanEvents.Progressed(code, planId, 2026, actionId, 2, PlanEvents.Rollup(60m, 6, 0, 3), at.AddMinutes(5), status: "done"));
        await host.PublishAndWaitAsync(TestCodes.Assessed(code, at.AddMinutes(5), 75m));

        var resolvedPlan = await WaitForWarningAsync(code, "plan_actions_overdue", "resolved");
        Assert.Equal(plan.GetProperty("id").GetGuid(), resolvedPlan.GetProperty("id").GetGuid());
        await WaitForWarningAsync(code, "low_representativity", "resolved");
        var planId2 = plan.GetProperty("id").GetGuid();
        await MonitoringHost.WaitUntilAsync(() => Task.FromResult(host.Raised.Any(r => r.WarningId == planId2)), "EarlyWarningRaised for the plan");
    }

    [Fact]
    public async Task A_focal_point_reads_only_its_own_warnings_and_cannot_acknowledge()
    {
        var code = TestCodes.Unique("alcance");
        var other = TestCodes.Unique("otro");
        await host.PublishAndWaitAsync(Session(code, Today.AddDays(-90)));
        await host.PublishAndWaitAsync(Session(other, Today.AddDays(-90)));
        var id = (await WaitForWarningAsync(code, "no_recent_session", "active")).GetProperty("id").GetGuid();
        await WaitForWarningAsync(other, "no_recent_session", "active");

        var own = await host.TokenAsync(code, BoardsRoles.FocalPoint);
        var mine = await WarningsAsync(own, "");
        Assert.All(mine, w => Assert.Equal(code, w.GetProperty("municipalityCode").GetString()));
        Assert.Single(mine);
        Assert.Single(await WarningsAsync(own, $"municipality={code.ToUpperInvariant()}"));

        var foreign = await host.TokenAsync(other, BoardsRoles.FocalPoint);
        var refused = await SendAsync(HttpMethod.Get, $"/api/monitoring/warnings?municipality={code}", foreign, HttpStatusCode.Forbidden);
        Assert.Equal("Fuera de su alcance.", refused.GetProperty("title").GetString());
        var grpc = new MonitoringService.MonitoringServiceClient(host.Channel());
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.ListWarningsAsync(new ListWarningsRequest { Municipality = code }, Bearer(foreign)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{id}/acknowledge", own, HttpStatusCode.Forbidden, new { note = "visto" });
        var officer = await host.TokenAsync(null, BoardsRoles.InstitutionOfficer);
        await SendAsync(HttpMethod.Get, "/api/monitoring/warnings", officer, HttpStatusCode.Forbidden);
        await SendAsync(HttpMethod.Get, "/api/monitoring/warnings", null, HttpStatusCode.Unauthorized);
        var analyst = await AnalystAsync();
        Assert.Equal("active", (await WarningsAsync(analyst, $"municipality={code}")).Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_a_spanish_400_never_a_500()
    {
        var analyst = await AnalystAsync();

        var status = await SendAsync(HttpMethod.Get, "/api/monitoring/warnings?status=abierta", analyst, HttpStatusCode.BadRequest);
        Assert.Equal("La solicitud tiene datos inválidos.", status.GetProperty("title").GetString());
        Assert.True(status.GetProperty("errors").TryGetProperty("status", out _));

        var grpc = new MonitoringService.MonitoringServiceClient(host.Channel());
        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.ListWarningsAsync(new ListWarningsRequest { Status = "abierta" }, Bearer(analyst)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);

        var unknown = Guid.CreateVersion7();
        var empty = await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{unknown}/acknowledge", analyst, HttpStatusCode.BadRequest, new { note = "  " });
        Assert.True(empty.GetProperty("errors").TryGetProperty("note", out _));
        await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{unknown}/acknowledge", analyst, HttpStatusCode.BadRequest, "{ no es json");
        await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{unknown}/acknowledge", analyst, HttpStatusCode.BadRequest, "");
        await SendAsync(HttpMethod.Post, "/api/monitoring/warnings/no-es-un-id/acknowledge", analyst, HttpStatusCode.BadRequest, new { note = "x" });
        await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{unknown}/acknowledge", analyst, HttpStatusCode.BadRequest,
            new { note = new string('a', 2001) });
        var missing = await SendAsync(HttpMethod.Post, $"/api/monitoring/warnings/{unknown}/acknowledge", analyst, HttpStatusCode.NotFound, new { note = "visto" });
        Assert.Equal("Alerta no encontrada.", missing.GetProperty("title").GetString());
    }
}
