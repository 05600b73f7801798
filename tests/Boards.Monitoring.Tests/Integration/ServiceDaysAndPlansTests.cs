using Boards.Monitoring.Contracts.Grpc;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// ServiceDayHeld, PlanApproved and PlanActionProgressed through real RabbitMQ into the real read model, read back
/// through the REST and gRPC APIs with real tokens: a corrected report replaces the day, a redelivery counts once, an
/// older plan event arriving later does not win, and the summary's scope still holds.
/// </summary>
public sealed class ServiceDaysAndPlansTests(TokenMonitoringHost host) : IClassFixture<TokenMonitoringHost>
{
    private static readonly DateOnly Today = Boards.Monitoring.Domain.ParaguayCalendar.Today(DateTimeOffset.UtcNow);
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);

    private async Task<string> RegisteredAsync(string name)
    {
        var code = TestCodes.Unique("jornada");
        await host.PublishAndWaitAsync(TestCodes.Registration(code, name, "Caaguazú", 5));
        return code;
    }

    private async Task<JsonElement> GetAsync(string path, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = host.Client(token);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<JsonElement> MunicipalityAsync(string code, string token) => GetAsync($"/api/monitoring/municipalities/{code}", token);

    private Task<string> AnalystAsync() => host.TokenAsync(null, BoardsRoles.MinistryAnalyst);

    private static DateOnly DateOf(Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    /// <summary>Two recent days (one redelivered, one corrected to version 2) and one long ago.</summary>
    private async Task ThreeServiceDaysAsync(string code)
    {
        var recent = ServiceDayEvents.Held(code.ToUpperInvariant(), Today.AddDays(-10), 40, 3);
        var messageId = Guid.CreateVersion7();
        await host.PublishAndWaitAsync(recent, messageId);
        await host.PublishAndWaitAsync(recent, messageId);

        var corrected = ServiceDayEvents.Held(code, Today.AddDays(-20), 25, 1);
        await host.PublishAndWaitAsync(corrected);
        await host.PublishAndWaitAsync(corrected with { PeopleServed = 30, ReferralsMade = 2, ReportVersion = 2 });
        // The first report again, after its correction (e.g. a relay's duplicate): version 1 is old news.
        await host.PublishAndWaitAsync(corrected);

        await host.PublishAndWaitAsync(ServiceDayEvents.Held(code, Today.AddDays(-200), 100, 7));
    }

    /// <summary>Plan approved (v1, then the amendment v2 arriving first), two action events, the older one last.</summary>
    private async Task PlanWithActionsAsync(string code)
    {
        var planId = Guid.CreateVersion7();
        var actionId = Guid.CreateVersion7();
        await host.PublishAndWaitAsync(PlanEvents.Approved(code, planId, 2026, 2, 10m, 6, T0.AddDays(30)));
        await host.PublishAndWaitAsync(PlanEvents.Approved(code, planId, 2026, 1, 0m, 5, T0));
        await host.PublishAndWaitAsync(PlanEvents.Progressed(
            code, planId, 2026, actionId, 3, PlanEvents.Rollup(42.25m, 6, 2, 1), T0.AddDays(60), status: "blocked", overdue: true));
        await host.PublishAndWaitAsync(PlanEvents.Progressed(
            code, planId, 2026, Guid.CreateVersion7(), 1, PlanEvents.Rollup(20m, 6, 0, 0), T0.AddDays(40)));
        await host.PublishAndWaitAsync(PlanEvents.Progressed(
            code, planId, 2026, actionId, 2, PlanEvents.Rollup(35m, 6, 1, 1), T0.AddDays(50)));
    }

    [Fact]
    public async Task Service_days_count_each_day_once_with_its_latest_report_over_all_time_and_the_last_90_days()
    {
        var code = await RegisteredAsync("Coronel Oviedo");
        var without = await RegisteredAsync("Caaguazú");
        var analyst = await AnalystAsync();
        Assert.Equal(JsonValueKind.Null, (await MunicipalityAsync(code, analyst)).GetProperty("serviceDays").ValueKind);

        await ThreeServiceDaysAsync(code);

        var days = (await MunicipalityAsync(code, analyst)).GetProperty("serviceDays");
        Assert.Equal(3, days.GetProperty("held").GetInt32());
        Assert.Equal(170, days.GetProperty("peopleServed").GetInt32());
        Assert.Equal(12, days.GetProperty("referralsMade").GetInt32());
        Assert.Equal(Today.AddDays(-10).ToString("yyyy-MM-dd"), days.GetProperty("lastHeldOn").GetString());
        var recent = days.GetProperty("last90Days");
        Assert.Equal(Today.AddDays(-89).ToString("yyyy-MM-dd"), recent.GetProperty("since").GetString());
        Assert.Equal((2, 70, 5), (recent.GetProperty("held").GetInt32(), recent.GetProperty("peopleServed").GetInt32(),
            recent.GetProperty("referralsMade").GetInt32()));

        var list = (await GetAsync("/api/monitoring/municipalities", analyst)).EnumerateArray().ToArray();
        Assert.Equal(3, list.Single(m => m.GetProperty("code").GetString() == code).GetProperty("serviceDays").GetProperty("held").GetInt32());
        Assert.Equal(JsonValueKind.Null, list.Single(m => m.GetProperty("code").GetString() == without).GetProperty("serviceDays").ValueKind);
    }

    [Fact]
    public async Task The_plan_shows_the_highest_approved_version_and_the_newest_roll_up_whatever_the_arrival_order()
    {
        var code = await RegisteredAsync("Repatriación");
        var analyst = await AnalystAsync();
        Assert.Equal(JsonValueKind.Null, (await MunicipalityAsync(code, analyst)).GetProperty("plan").ValueKind);

        await PlanWithActionsAsync(code);

        var plan = (await MunicipalityAsync(code, analyst)).GetProperty("plan");
        Assert.Equal(2026, plan.GetProperty("year").GetInt32());
        Assert.Equal(2, plan.GetProperty("version").GetInt32());
        Assert.Equal(42.3m, plan.GetProperty("progress").GetDecimal());
        Assert.Equal(6, plan.GetProperty("actionCount").GetInt32());
        Assert.Equal(2, plan.GetProperty("overdueActions").GetInt32());
        Assert.Equal(1, plan.GetProperty("doneActions").GetInt32());
        Assert.Equal(T0.AddDays(30), plan.GetProperty("approvedAt").GetDateTimeOffset());
        Assert.Equal(T0.AddDays(60), plan.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_plan_known_only_from_action_events_has_no_version_and_a_later_year_replaces_it()
    {
        var code = await RegisteredAsync("Yhú");
        var analyst = await AnalystAsync();
        var planId = Guid.CreateVersion7();

        await host.PublishAndWaitAsync(PlanEvents.Progressed(code, planId, 2026, Guid.CreateVersion7(), 1, PlanEvents.Rollup(15m, 4, 1, 0), T0));
        var onlyActions = (await MunicipalityAsync(code, analyst)).GetProperty("plan");

        await host.PublishAndWaitAsync(PlanEvents.Approved(code, Guid.CreateVersion7(), 2027, 1, 0m, 8, T0.AddDays(300)));
        // A late event of the 2026 plan changes nothing any more.
        await host.PublishAndWaitAsync(PlanEvents.Progressed(code, planId, 2026, Guid.CreateVersion7(), 1, PlanEvents.Rollup(90m, 4, 3, 3), T0.AddDays(400)));
        var nextYear = (await MunicipalityAsync(code, analyst)).GetProperty("plan");

        Assert.Equal(JsonValueKind.Null, onlyActions.GetProperty("version").ValueKind);
        Assert.Equal(JsonValueKind.Null, onlyActions.GetProperty("approvedAt").ValueKind);
        Assert.Equal((2026, 15m, 1), (onlyActions.GetProperty("year").GetInt32(), onlyActions.GetProperty("progress").GetDecimal(),
            onlyActions.GetProperty("overdueActions").GetInt32()));
        Assert.Equal((2027, 1, 0m, 8, 0), (nextYear.GetProperty("year").GetInt32(), nextYear.GetProperty("version").GetInt32(),
            nextYear.GetProperty("progress").GetDecimal(), nextYear.GetProperty("actionCount").GetInt32(),
            nextYear.GetProperty("overdueActions").GetInt32()));
    }

    [Fact]
    public async Task Grpc_shows_the_same_service_days_and_plan()
    {
        var code = await RegisteredAsync("Dr. Juan Manuel Frutos");
        await ThreeServiceDaysAsync(code);
        await PlanWithActionsAsync(code);
        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);

        var summary = await client.GetMunicipalityAsync(new GetMunicipalityRequest { Code = code }, Bearer(await AnalystAsync()));
        var list = await client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest(), Bearer(await host.TokenAsync(code, BoardsRoles.FocalPoint)));
        var none = await client.GetMunicipalityAsync(
            new GetMunicipalityRequest { Code = await RegisteredAsync("Raúl Arsenio Oviedo") }, Bearer(await AnalystAsync()));

        var days = summary.ServiceDays;
        Assert.Equal((3, 170, 12), (days.Held, days.PeopleServed, days.ReferralsMade));
        Assert.Equal(Today.AddDays(-10), DateOf(days.LastHeldOn));
        Assert.Equal(Today.AddDays(-89), DateOf(days.Last90Days.Since));
        Assert.Equal((2, 70, 5), (days.Last90Days.Held, days.Last90Days.PeopleServed, days.Last90Days.ReferralsMade));
        var plan = summary.Plan;
        Assert.Equal(2, plan.Version);
        Assert.Equal((2026, 42.3, 6, 2, 1), (plan.Year, plan.Progress, plan.ActionCount, plan.OverdueActions, plan.DoneActions));
        Assert.Equal(T0.AddDays(30), plan.ApprovedAt.ToDateTimeOffset());
        Assert.Equal(T0.AddDays(60), plan.UpdatedAt.ToDateTimeOffset());
        var mine = Assert.Single(list.Municipalities);
        Assert.Equal(days, mine.ServiceDays);
        Assert.Equal(plan, mine.Plan);
        Assert.Null(none.ServiceDays);
        Assert.Null(none.Plan);
    }

    [Fact]
    public async Task A_focal_point_of_another_municipality_is_refused_its_service_days_and_plan()
    {
        var own = await RegisteredAsync("Vaquería");
        var other = await RegisteredAsync("San José de los Arroyos");
        await host.PublishAndWaitAsync(ServiceDayEvents.Held(own, Today.AddDays(-5), 12, 1));
        await host.PublishAndWaitAsync(ServiceDayEvents.Held(other, Today.AddDays(-5), 99, 9));
        await PlanWithActionsAsync(other);
        var focal = await host.TokenAsync(own, BoardsRoles.FocalPoint);
        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);

        var mine = await MunicipalityAsync(own, focal);
        var listed = Assert.Single((await GetAsync("/api/monitoring/municipalities", focal)).EnumerateArray());
        var refused = await GetAsync($"/api/monitoring/municipalities/{other}", focal, HttpStatusCode.Forbidden);
        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetMunicipalityAsync(new GetMunicipalityRequest { Code = other }, Bearer(focal)));

        Assert.Equal(12, mine.GetProperty("serviceDays").GetProperty("peopleServed").GetInt32());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("plan").ValueKind);
        Assert.Equal(own, listed.GetProperty("code").GetString());
        Assert.Equal("Fuera de su alcance.", refused.GetProperty("title").GetString());
        Assert.False(refused.TryGetProperty("serviceDays", out _));
        Assert.False(refused.TryGetProperty("plan", out _));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
