using System.Globalization;
using Boards.Membership.Contracts.Events;
using Boards.Monitoring.Contracts.Grpc;
using Boards.Referrals.Contracts.Events;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// Board sessions in the summary, the trends for the ministry's charts and the MunicipalityIndicatorsChanged signal,
/// end to end in the service: real RabbitMQ, PostgreSQL, outbox and tokens, read over REST and gRPC.
/// </summary>
public sealed class SessionsTrendsAndSignalTests(IndicatorsHost host) : IClassFixture<IndicatorsHost>
{
    private static DateOnly Today => ParaguayCalendar.Today(DateTimeOffset.UtcNow);

    private static DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    private Task<string> AnalystAsync() => host.TokenAsync(null, BoardsRoles.MinistryAnalyst);

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    private async Task<string> RegisteredAsync(string prefix, string name)
    {
        var code = TestCodes.Unique(prefix);
        await host.PublishAndWaitAsync(TestCodes.Registration(code, name, "Cordillera", 3));
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

    private static SessionHeld Session(string code, Guid sessionId, DateOnly date, long version) => new()
    {
        MunicipalityCode = code,
        BoardId = Guid.CreateVersion7(),
        SessionId = sessionId,
        SessionVersion = version,
        Date = date,
        QuorumReached = true,
        AttendeesCount = 9,
        VotingMembersCount = 10,
        VotingPresentCount = 8,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    /// <summary>A local time in Paraguay: <paramref name="hours"/> after the start of <paramref name="day"/> there.</summary>
    private static DateTimeOffset InParaguay(DateOnly day, double hours) => ParaguayCalendar.StartOf(day).AddHours(hours);

    private static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static T In<T>(T message, string category) where T : ReferralEvent => (T)(message with { NeedCategory = category });

    [Fact]
    public async Task Sessions_count_each_session_once_in_the_last_90_days_and_a_newer_version_moves_its_date()
    {
        var code = await RegisteredAsync("sesiones", "Caacupé");
        var without = await RegisteredAsync("sesiones", "Tobatí");
        var analyst = await AnalystAsync();

        // Session A 10 days ago: delivered twice with one message id (a redelivery), then re-published with a new one.
        var a = Guid.CreateVersion7();
        var messageId = Guid.CreateVersion7();
        await host.PublishAndWaitAsync(Session(code, a, Today.AddDays(-10), 1), messageId);
        await host.PublishAndWaitAsync(Session(code, a, Today.AddDays(-10), 1), messageId);
        await host.PublishAndWaitAsync(Session(code.ToUpperInvariant(), a, Today.AddDays(-10), 1));
        // Session B 30 days ago, whose version 2 moves it to 40 days ago; version 1 again afterwards is old news.
        var b = Guid.CreateVersion7();
        await host.PublishAndWaitAsync(Session(code, b, Today.AddDays(-30), 1));
        await host.PublishAndWaitAsync(Session(code, b, Today.AddDays(-40), 2));
        await host.PublishAndWaitAsync(Session(code, b, Today.AddDays(-30), 1));
        // Session C 100 days ago: held, but outside the window.
        await host.PublishAndWaitAsync(Session(code, Guid.CreateVersion7(), Today.AddDays(-100), 1));

        var sessions = (await GetAsync($"/api/monitoring/municipalities/{code}", analyst)).GetProperty("sessions");
        Assert.Equal(2, sessions.GetProperty("last90Days").GetInt32());
        Assert.Equal(Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sessions.GetProperty("lastSessionOn").GetString());

        var none = (await GetAsync($"/api/monitoring/municipalities/{without}", analyst)).GetProperty("sessions");
        Assert.Equal(0, none.GetProperty("last90Days").GetInt32());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("lastSessionOn").ValueKind);

        // The list carries the same object.
        var listed = (await GetAsync("/api/monitoring/municipalities", analyst)).EnumerateArray()
            .Single(m => m.GetProperty("code").GetString() == code);
        Assert.Equal(2, listed.GetProperty("sessions").GetProperty("last90Days").GetInt32());

        // A corrected date for the latest session replaces it: A moves to 95 days ago.
        await host.PublishAndWaitAsync(Session(code, a, Today.AddDays(-95), 2));
        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);
        var proto = await client.GetMunicipalityAsync(new GetMunicipalityRequest { Code = code }, Bearer(analyst));
        Assert.Equal(1, proto.Sessions.Last90Days);
        var last = Today.AddDays(-40);
        Assert.Equal((last.Year, last.Month, last.Day), (proto.Sessions.LastSessionOn.Year, proto.Sessions.LastSessionOn.Month, proto.Sessions.LastSessionOn.Day));
        var protoNone = await client.GetMunicipalityAsync(new GetMunicipalityRequest { Code = without }, Bearer(analyst));
        Assert.Equal(0, protoNone.Sessions.Last90Days);
        Assert.Null(protoNone.Sessions.LastSessionOn);
    }

    /// <summary>
    /// Seven referrals: two in the oldest month of the window (one completed, one cancelled); three in month −5, one of
    /// them created at 23:30 of its last day in Paraguay (02:30 UTC of the next month) and counter-referred (failed) in
    /// month −4, where it does NOT count: a referral counts in the month it was created; two rejected in month −5; one
    /// open this month; one rejected 13 months ago (outside the months, inside the all-time lists).
    /// </summary>
    private async Task<string> ReferralHistoryAsync()
    {
        var code = await RegisteredAsync("tendencia", "Piribebuy");
        var oldest = ThisMonth.AddMonths(-11);
        var fifth = ThisMonth.AddMonths(-5);

        var completed = new ReferralStory(code, InParaguay(oldest.AddDays(9), 12));
        await host.PublishAndWaitAsync(In(completed.Requested(), "health"));
        await host.PublishAndWaitAsync(In(completed.Accepted(1), "health"));
        await host.PublishAndWaitAsync(In(completed.CounterReferred(3, 3), "health"));

        var cancelled = new ReferralStory(code, InParaguay(oldest.AddDays(14), 12));
        await host.PublishAndWaitAsync(In(cancelled.Requested(), "education"));
        await host.PublishAndWaitAsync(In(cancelled.Cancelled(1), "education"));

        var lateNight = new ReferralStory(code, InParaguay(ThisMonth.AddMonths(-4).AddDays(-1), 23.5));
        await host.PublishAndWaitAsync(In(lateNight.Requested(), "health"));
        await host.PublishAndWaitAsync(In(lateNight.Accepted(0.1), "health"));
        await host.PublishAndWaitAsync(In(lateNight.CounterReferred(5, 3, gotHelp: false), "health"));

        var noCapacity = new ReferralStory(code, InParaguay(fifth.AddDays(2), 9));
        await host.PublishAndWaitAsync(In(noCapacity.Requested(), "education"));
        await host.PublishAndWaitAsync(In(noCapacity.Rejected(1), "education"));

        var notOffered = new ReferralStory(code, InParaguay(fifth.AddDays(3), 9));
        await host.PublishAndWaitAsync(In(notOffered.Requested(), "housing"));
        await host.PublishAndWaitAsync(In(notOffered.Rejected(1) with { Reason = "service_not_offered" }, "housing"));

        var open = new ReferralStory(code, ParaguayCalendar.StartOf(ThisMonth).AddSeconds(1));
        await host.PublishAndWaitAsync(In(open.Requested(), "health"));

        var longAgo = new ReferralStory(code, InParaguay(ThisMonth.AddMonths(-13).AddDays(4), 10));
        await host.PublishAndWaitAsync(In(longAgo.Requested(), "health"));
        await host.PublishAndWaitAsync(In(longAgo.Rejected(1), "health"));
        return code;
    }

    private static (string Month, int Sent, int ClosedLoop, int Cancelled, double? Rate)[] ExpectedMonths() =>
        Enumerable.Range(0, 12).Select(i =>
        {
            var month = Label(ThisMonth.AddMonths(i - 11));
            return i switch
            {
                0 => (month, 2, 1, 1, 1.0),             // 1 closed of (2 − 1 cancelled)
                6 => (month, 3, 1, 0, 0.33),            // month −5: the late-night one failed, two rejected
                11 => (month, 1, 0, 0, 0.0),            // this month: one open
                _ => (month, 0, 0, 0, (double?)null),   // includes month −4, the counter-referral's month
            };
        }).ToArray();

    [Fact]
    public async Task Trends_count_months_in_Paraguay_by_creation_and_categories_and_reasons_all_time_over_REST_and_gRPC()
    {
        var code = await ReferralHistoryAsync();
        var analyst = await AnalystAsync();

        var trends = await GetAsync($"/api/monitoring/municipalities/{code.ToUpperInvariant()}/trends", analyst);
        Assert.Equal(code, trends.GetProperty("code").GetString());
        var months = trends.GetProperty("months").EnumerateArray().Select(m => (
            m.GetProperty("month").GetString()!,
            m.GetProperty("sent").GetInt32(),
            m.GetProperty("closedLoop").GetInt32(),
            m.GetProperty("cancelled").GetInt32(),
            m.GetProperty("closedLoopRate").ValueKind == JsonValueKind.Null ? (double?)null : m.GetProperty("closedLoopRate").GetDouble()))
            .ToArray();
        Assert.Equal(ExpectedMonths(), months);
        Assert.Equal(
            [("health", 4), ("education", 2), ("housing", 1)],
            trends.GetProperty("byCategory").EnumerateArray().Select(c => (c.GetProperty("category").GetString()!, c.GetProperty("count").GetInt32())));
        Assert.Equal(
            [("no_capacity", 2), ("service_not_offered", 1)],
            trends.GetProperty("rejectionsByReason").EnumerateArray().Select(r => (r.GetProperty("reason").GetString()!, r.GetProperty("count").GetInt32())));

        // The summary's rate over all time uses the same definition: (1 completed + 1 failed) ÷ (7 sent − 1 cancelled).
        Assert.Equal(0.33, (await GetAsync($"/api/monitoring/municipalities/{code}", analyst)).GetProperty("closedLoopRate").GetDouble());

        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);
        var proto = await client.GetMunicipalityTrendsAsync(new GetMunicipalityTrendsRequest { Code = code }, Bearer(analyst));
        Assert.Equal(code, proto.Code);
        Assert.Equal(ExpectedMonths(), proto.Months.Select(m => (m.Month, m.Sent, m.ClosedLoop, m.Cancelled, m.ClosedLoopRate)).ToArray());
        Assert.Equal([("health", 4), ("education", 2), ("housing", 1)], proto.ByCategory.Select(c => (c.Category, c.Count)));
        Assert.Equal([("no_capacity", 2), ("service_not_offered", 1)], proto.RejectionsByReason.Select(r => (r.Reason, r.Count)));
    }

    [Fact]
    public async Task Trends_follow_the_summary_scope_over_REST_and_gRPC()
    {
        var own = await RegisteredAsync("alcance", "Atyrá");
        var other = await RegisteredAsync("alcance", "Emboscada");
        var focal = await host.TokenAsync(own, BoardsRoles.FocalPoint);
        var analyst = await AnalystAsync();
        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);

        var mine = await GetAsync($"/api/monitoring/municipalities/{own}/trends", focal);
        var refused = await GetAsync($"/api/monitoring/municipalities/{other}/trends", focal, HttpStatusCode.Forbidden);
        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetMunicipalityTrendsAsync(new GetMunicipalityTrendsRequest { Code = other }, Bearer(focal)));
        var officer = await GetAsync(
            $"/api/monitoring/municipalities/{own}/trends", await host.TokenAsync(null, BoardsRoles.InstitutionOfficer), HttpStatusCode.Forbidden);
        var unknown = await GetAsync("/api/monitoring/municipalities/no-existe-xyz/trends", analyst, HttpStatusCode.NotFound);
        var notFound = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetMunicipalityTrendsAsync(new GetMunicipalityTrendsRequest { Code = "no-existe-xyz" }, Bearer(analyst)));
        var blank = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetMunicipalityTrendsAsync(new GetMunicipalityTrendsRequest { Code = " " }, Bearer(analyst)));

        // A registered municipality without referrals: twelve empty months and empty lists.
        Assert.Equal(12, mine.GetProperty("months").GetArrayLength());
        Assert.All(mine.GetProperty("months").EnumerateArray(), m =>
        {
            Assert.Equal(0, m.GetProperty("sent").GetInt32());
            Assert.Equal(JsonValueKind.Null, m.GetProperty("closedLoopRate").ValueKind);
        });
        Assert.Equal(Label(ThisMonth), mine.GetProperty("months")[11].GetProperty("month").GetString());
        Assert.Equal(0, mine.GetProperty("byCategory").GetArrayLength());
        Assert.Equal(0, mine.GetProperty("rejectionsByReason").GetArrayLength());

        Assert.Equal("Fuera de su alcance.", refused.GetProperty("title").GetString());
        Assert.False(refused.TryGetProperty("months", out _));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("Fuera de su alcance.", officer.GetProperty("title").GetString());
        Assert.Equal("Municipio no encontrado.", unknown.GetProperty("title").GetString());
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, blank.StatusCode);
    }

    [Fact]
    public async Task Changes_are_announced_once_per_municipality_per_pass_after_commit_and_nothing_for_a_duplicate()
    {
        var code = await RegisteredAsync("senal", "Arroyos y Esteros");     // a change: the registration
        var story = new ReferralStory(code, DateTimeOffset.UtcNow.AddDays(-1));
        var requestedId = Guid.CreateVersion7();
        await host.PublishAndWaitAsync(story.Requested(), requestedId);       // a change: the new fact
        await host.PublishAndWaitAsync(story.Accepted(0.5));                  // a change: the fact moved
        Assert.Empty(await host.OutboxedChangesAsync(code));                  // noted, not announced yet

        Assert.True(await host.AnnounceAsync() >= 1);                         // other classes' codes may be pending too
        var first = await host.OutboxedChangesAsync(code);
        Assert.Single(first);                                                 // three changes, one announcement

        await host.PublishAndWaitAsync(story.Requested(), requestedId);       // the same message again: dropped by the inbox
        await host.PublishAndWaitAsync(story.Requested());                    // re-published: handled, but nothing changed
        Assert.Equal(2, host.CompletedDeliveries(requestedId));
        await host.AnnounceAsync();
        Assert.Single(await host.OutboxedChangesAsync(code));                 // nothing new to announce for this code

        await host.WaitUntilPublishedAsync(first);
        var published = host.Changed.First(c => c.EventId == first[0]);
        Assert.Equal(code, published.MunicipalityCode);
        Assert.True(published.OccurredAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        // A session 61 days ago: announced at the next pass. A sweep raising "no session in 60 days" writes its own
        // signal in its transaction; the next sweep changes nothing.
        await host.PublishAndWaitAsync(Session(code, Guid.CreateVersion7(), Today.AddDays(-61), 1));
        await host.AnnounceAsync();
        Assert.Equal(2, (await host.OutboxedChangesAsync(code)).Count);
        var (raised, _) = await host.SweepAsync();
        Assert.True(raised >= 1);
        await host.SweepAsync();
        var all = await host.OutboxedChangesAsync(code);
        Assert.Equal(3, all.Count);
        await host.WaitUntilPublishedAsync(all);
    }
}
