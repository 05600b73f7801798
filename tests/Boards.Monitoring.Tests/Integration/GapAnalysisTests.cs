using Boards.Monitoring.Contracts.Grpc;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>
/// GapAnalysisPublished through real RabbitMQ into the real read model, read back through the REST and gRPC APIs of
/// the hosted service with real tokens from our identity provider: the top three gaps, newest analysis wins, a
/// redelivery is harmless, and the summary's scope still holds.
/// </summary>
public sealed class GapAnalysisTests(TokenMonitoringHost host) : IClassFixture<TokenMonitoringHost>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    private static readonly Needs.Contracts.Gaps.CategoryGap[] FiveCategories =
    [
        GapEvents.Category("housing", "Vivienda", 0, coverageRatio: 1),
        GapEvents.Category("education", "Educación", 40),
        GapEvents.Category("food_security", "Seguridad alimentaria", 120, coverageRatio: 1.0 / 3),
        GapEvents.Category("employment", "Empleo", 15),
        GapEvents.Category("health", "Salud", 80, coverageRatio: null),
    ];

    private async Task<string> RegisteredAsync(string name)
    {
        var code = TestCodes.Unique("brecha");
        await host.PublishAndWaitAsync(TestCodes.Registration(code, name, "Itapúa", 7));
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

    private static string[] TopCategories(JsonElement summary) =>
        summary.GetProperty("gaps").GetProperty("top").EnumerateArray().Select(g => g.GetProperty("category").GetString()!).ToArray();

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    [Fact]
    public async Task Rest_shows_the_three_largest_gaps_and_leaves_out_categories_without_unmet_demand()
    {
        var code = await RegisteredAsync("Capitán Meza");
        var without = await RegisteredAsync("Edelira");
        var analyst = await AnalystAsync();
        Assert.Equal(JsonValueKind.Null, (await MunicipalityAsync(code, analyst)).GetProperty("gaps").ValueKind);

        await host.PublishAndWaitAsync(GapEvents.Analysis(code.ToUpperInvariant(), T0, FiveCategories));

        var gaps = (await MunicipalityAsync(code, analyst)).GetProperty("gaps");
        Assert.Equal(T0, gaps.GetProperty("computedAt").GetDateTimeOffset());
        Assert.Equal("round_closed", gaps.GetProperty("trigger").GetString());
        Assert.Equal("2026-S2", gaps.GetProperty("period").GetString());
        var top = gaps.GetProperty("top").EnumerateArray().ToArray();
        Assert.Equal(["food_security", "health", "education"], top.Select(g => g.GetProperty("category").GetString()));
        var first = top[0];
        Assert.Equal("Seguridad alimentaria", first.GetProperty("categoryName").GetString());
        Assert.Equal(130, first.GetProperty("peopleAffected").GetInt32());
        Assert.Equal(140, first.GetProperty("demand").GetInt32());
        Assert.Equal(121, first.GetProperty("offerCapacity").GetInt32());
        Assert.Equal(0.33, first.GetProperty("coverageRatio").GetDouble());
        Assert.Equal(120, first.GetProperty("unmetDemand").GetInt32());
        Assert.Equal(1, first.GetProperty("rejectedNoCapacity").GetInt32());
        Assert.Equal(0, first.GetProperty("rejectedNotOffered").GetInt32());
        Assert.Equal(0, first.GetProperty("counterReferredNoCapacity").GetInt32());
        Assert.Equal(JsonValueKind.Null, top[1].GetProperty("coverageRatio").ValueKind);
        Assert.Equal((3, 0, 2), (top[1].GetProperty("rejectedNoCapacity").GetInt32(),
            top[1].GetProperty("rejectedNotOffered").GetInt32(), top[1].GetProperty("counterReferredNoCapacity").GetInt32()));

        var list = (await GetAsync("/api/monitoring/municipalities", analyst)).EnumerateArray().ToArray();
        Assert.Equal(["food_security", "health", "education"], TopCategories(list.Single(m => m.GetProperty("code").GetString() == code)));
        Assert.Equal(JsonValueKind.Null, list.Single(m => m.GetProperty("code").GetString() == without).GetProperty("gaps").ValueKind);
    }

    [Fact]
    public async Task An_analysis_without_unmet_demand_shows_an_empty_top()
    {
        var code = await RegisteredAsync("Fram");

        await host.PublishAndWaitAsync(GapEvents.Analysis(code, T0, GapEvents.Category("housing", "Vivienda", 0, coverageRatio: 1)) with
        {
            Trigger = "on_demand",
            RoundId = null,
            Period = null,
        });

        var gaps = (await MunicipalityAsync(code, await AnalystAsync())).GetProperty("gaps");
        Assert.Equal("on_demand", gaps.GetProperty("trigger").GetString());
        Assert.Equal(JsonValueKind.Null, gaps.GetProperty("period").ValueKind);
        Assert.Empty(gaps.GetProperty("top").EnumerateArray());
    }

    [Fact]
    public async Task An_older_analysis_arriving_later_does_not_replace_a_newer_one()
    {
        var code = await RegisteredAsync("Cambyretá");
        var analyst = await AnalystAsync();

        await host.PublishAndWaitAsync(GapEvents.Analysis(code, T0.AddHours(1), GapEvents.Category("health", "Salud", 30)));
        await host.PublishAndWaitAsync(GapEvents.Analysis(code, T0, GapEvents.Category("education", "Educación", 500)));
        var kept = await MunicipalityAsync(code, analyst);

        await host.PublishAndWaitAsync(GapEvents.Analysis(code, T0.AddHours(2), GapEvents.Category("employment", "Empleo", 7)));
        var newer = await MunicipalityAsync(code, analyst);

        Assert.Equal(["health"], TopCategories(kept));
        Assert.Equal(T0.AddHours(1), kept.GetProperty("gaps").GetProperty("computedAt").GetDateTimeOffset());
        Assert.Equal(["employment"], TopCategories(newer));
        Assert.Equal(T0.AddHours(2), newer.GetProperty("gaps").GetProperty("computedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_same_analysis_delivered_twice_is_harmless()
    {
        var code = await RegisteredAsync("Nueva Alborada");
        var analysis = GapEvents.Analysis(code, T0, FiveCategories);
        var messageId = Guid.CreateVersion7();

        await host.PublishAndWaitAsync(analysis, messageId);
        await host.PublishAndWaitAsync(analysis, messageId);
        // The same analysis again under another message id (published twice by Needs): not newer, so ignored too.
        var again = Guid.CreateVersion7();
        await host.PublishAndWaitAsync(analysis with { Categories = [GapEvents.Category("health", "Salud", 999)] }, again);

        var summary = await MunicipalityAsync(code, await AnalystAsync());
        Assert.Equal(["food_security", "health", "education"], TopCategories(summary));
        Assert.Equal(0, host.Faults(messageId));
        Assert.Equal(0, host.Faults(again));
    }

    [Fact]
    public async Task Grpc_shows_the_same_gaps()
    {
        var code = await RegisteredAsync("Pirapó");
        await host.PublishAndWaitAsync(GapEvents.Analysis(code, T0, FiveCategories));
        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);

        var summary = await client.GetMunicipalityAsync(new GetMunicipalityRequest { Code = code }, Bearer(await AnalystAsync()));
        var list = await client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest(), Bearer(await host.TokenAsync(code, BoardsRoles.FocalPoint)));
        var none = await client.GetMunicipalityAsync(
            new GetMunicipalityRequest { Code = await RegisteredAsync("Mayor Otaño") }, Bearer(await AnalystAsync()));

        var gaps = summary.Gaps;
        Assert.Equal(T0, gaps.ComputedAt.ToDateTimeOffset());
        Assert.Equal("round_closed", gaps.Trigger);
        Assert.Equal("2026-S2", gaps.Period);
        Assert.Equal(["food_security", "health", "education"], gaps.Top.Select(g => g.Category));
        var first = gaps.Top[0];
        Assert.Equal(("Seguridad alimentaria", 130, 140, 121), (first.CategoryName, first.PeopleAffected, first.Demand, first.OfferCapacity));
        Assert.Equal(0.33, first.CoverageRatio);
        Assert.Equal((120, 1, 0, 0), (first.UnmetDemand, first.RejectedNoCapacity, first.RejectedNotOffered, first.CounterReferredNoCapacity));
        Assert.Null(gaps.Top[1].CoverageRatio);
        Assert.Equal(gaps, Assert.Single(list.Municipalities).Gaps);
        Assert.Null(none.Gaps);
    }

    [Fact]
    public async Task A_focal_point_sees_the_gaps_of_its_own_municipality_only()
    {
        var own = await RegisteredAsync("Carlos Antonio López");
        var other = await RegisteredAsync("San Rafael del Paraná");
        await host.PublishAndWaitAsync(GapEvents.Analysis(own, T0, GapEvents.Category("health", "Salud", 30)));
        await host.PublishAndWaitAsync(GapEvents.Analysis(other, T0, GapEvents.Category("education", "Educación", 60)));
        var focal = await host.TokenAsync(own, BoardsRoles.FocalPoint);
        using var channel = host.Channel();
        var client = new MonitoringService.MonitoringServiceClient(channel);

        var mine = await MunicipalityAsync(own, focal);
        var listed = Assert.Single((await GetAsync("/api/monitoring/municipalities", focal)).EnumerateArray());
        var refused = await GetAsync($"/api/monitoring/municipalities/{other}", focal, HttpStatusCode.Forbidden);
        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetMunicipalityAsync(new GetMunicipalityRequest { Code = other }, Bearer(focal)));
        var officer = await GetAsync(
            $"/api/monitoring/municipalities/{own}", await host.TokenAsync(null, BoardsRoles.InstitutionOfficer), HttpStatusCode.Forbidden);

        Assert.Equal(["health"], TopCategories(mine));
        Assert.Equal(own, listed.GetProperty("code").GetString());
        Assert.Equal(["health"], TopCategories(listed));
        Assert.Equal("Fuera de su alcance.", refused.GetProperty("title").GetString());
        Assert.False(refused.TryGetProperty("gaps", out _));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("Fuera de su alcance.", officer.GetProperty("title").GetString());
    }
}
