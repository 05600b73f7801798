namespace Boards.Needs.Tests.Integration;

/// <summary>
/// A needs assessment round over HTTP with real tokens, PostgreSQL and RabbitMQ: opened, needs recorded, ballots cast,
/// the Borda ranking computed by hand, closed (frozen, NeedsPrioritized and GapAnalysisPublished on the bus).
/// </summary>
public sealed class AssessmentRoundTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    [Fact]
    public async Task A_round_is_opened_prioritized_and_closed_with_the_hand_computed_Borda_ranking()
    {
        var municipality = await host.NewMunicipalityAsync("San Juan del Monte");
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var food = await Rounds.AddNeedAsync(focal, round, Rounds.Need("food_security", 100, 3));      // 300
        var health = await Rounds.AddNeedAsync(focal, round, Rounds.Need("health", 50, 4));            // 200
        var housing = await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 60, 5));          // 300
        var water = await Rounds.AddNeedAsync(focal, round, Rounds.Need("water_sanitation", 20, 2));   // 40
        var jobs = await Rounds.AddNeedAsync(focal, round, Rounds.Need("employment_income", 40, 1));   // 40
        Guid ana = host.Voter(municipality, "Ana Benítez"), beto = host.Voter(municipality, "Beto Acosta"), carla = host.Voter(municipality, "Carla Giménez");
        // Five needs: 4, 3, 2, 1, 0 points by position.
        await Rounds.CastAsync(focal, round, ana, "Ana Benítez", food, health, housing, water, jobs);
        await Rounds.CastAsync(focal, round, beto, "Beto Acosta", housing, food, jobs, water, health);
        await Rounds.CastAsync(focal, round, carla, "Carla Giménez", jobs);
        // Carla changes her mind: the second ballot replaces the first. A short ballot gives nothing to what it leaves out.
        await Rounds.CastAsync(focal, round, carla, "Carla Giménez", health, housing);

        var open = await Rounds.GetAsync(focal, round);
        // food 4+3 = 7; health 3+0+4 = 7; housing 2+4+3 = 9; water 1+1 = 2; jobs 0+2 = 2.
        var expected = new (Guid Need, int Points, string DecidedBy)[]
        {
            (housing, 9, "first"),
            (food, 7, "points"),
            (health, 7, "people_x_severity"),     // 7 = 7, and 100×3 > 50×4
            (water, 2, "points"),
            (jobs, 2, "registration_order"),      // 2 = 2, 20×2 = 40×1, and water was recorded first
        };
        AssertRanking(expected, open.GetProperty("ranking"));
        Assert.False(open.GetProperty("ranking").GetProperty("frozen").GetBoolean());
        Assert.Equal(3, open.GetProperty("ranking").GetProperty("ballotsCounted").GetInt32());
        Assert.Contains("Conteo de Borda", open.GetProperty("ranking").GetProperty("rule").GetString());
        Assert.Equal(3, open.GetProperty("ballots").GetArrayLength());

        var closed = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = open.GetProperty("version").GetInt32() }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        AssertRanking(expected, closed.GetProperty("ranking"));
        Assert.True(closed.GetProperty("ranking").GetProperty("frozen").GetBoolean());

        var prioritized = await EventuallyAsync(() => host.Prioritized.FirstOrDefault(p => p.RoundId == round), "NeedsPrioritized");
        Assert.Equal(municipality, prioritized.MunicipalityCode);
        Assert.Equal("2026-S2", prioritized.Period);
        Assert.Equal(3, prioritized.BallotCount);
        Assert.Equal(expected.Select(e => (e.Need, e.Points, e.DecidedBy)),
            prioritized.Ranking.OrderBy(r => r.Rank).Select(r => (r.NeedId, r.Points, r.DecidedBy)));
        var gaps = await EventuallyAsync(() => host.GapAnalyses.FirstOrDefault(g => g.RoundId == round), "GapAnalysisPublished");
        Assert.Equal("round_closed", gaps.Trigger);
        Assert.Equal(300, gaps.Categories.Single(c => c.Category == "housing").Demand);
    }

    [Fact]
    public async Task A_closed_round_is_frozen_needs_ballots_and_corrections_are_refused()
    {
        var (focal, round, need) = await ClosedRoundAsync();

        var added = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/needs", Rounds.Need("health", 5, 5))).JsonAsync(HttpStatusCode.Conflict);
        var cast = await (await focal.PutJsonAsync($"{Rounds.Path}/{round}/ballots/{Guid.NewGuid()}", new { memberName = "Tarde", ranking = new[] { need } }))
            .JsonAsync(HttpStatusCode.Conflict);
        await (await focal.PutJsonAsync($"{Rounds.Path}/{round}/needs/{need}", Rounds.Need("health", 5, 5))).JsonAsync(HttpStatusCode.Conflict);
        var after = await Rounds.GetAsync(focal, round);

        Assert.Contains("cerrada", added.GetProperty("detail").GetString());
        Assert.Contains("cerrada", cast.GetProperty("detail").GetString());
        Assert.Equal(1, after.GetProperty("needs").GetArrayLength());
        Assert.Equal(1, after.GetProperty("ballots").GetArrayLength());
        Assert.Equal("food_security", after.GetProperty("needs")[0].GetProperty("category").GetString());
    }

    [Fact]
    public async Task Closing_needs_the_version_read_needs_and_ballots()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();

        var missing = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { })).JsonAsync(HttpStatusCode.BadRequest);
        var empty = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = 1 })).JsonAsync(HttpStatusCode.Conflict);
        var need = await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 10, 2));
        var noBallots = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = 2 })).JsonAsync(HttpStatusCode.Conflict);
        await Rounds.CastAsync(focal, round, host.Voter(municipality), "Ana", need);
        var stale = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = 2 })).JsonAsync(HttpStatusCode.Conflict);

        Assert.Equal(["expectedVersion"], missing.ErrorFields());
        Assert.Contains("sin necesidades", empty.GetProperty("detail").GetString());
        Assert.Contains("ningún miembro", noBallots.GetProperty("detail").GetString());
        Assert.Contains("versión 3", stale.GetProperty("detail").GetString());
        Assert.Equal("open", (await Rounds.GetAsync(focal, round)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_bad_field_of_a_need_and_a_ballot_is_reported_and_nothing_is_written()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 10, 2));

        var badNeed = await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/needs", new Dictionary<string, object?>
        {
            ["category"] = "astrologia",
            ["locality"] = "",
            ["populationGroup"] = "adults",
            ["peopleAffected"] = 0,
            ["severity"] = 6,
            ["evidenceSource"] = "rumor",
        })).JsonAsync(HttpStatusCode.BadRequest);
        var badBallot = await (await focal.PutJsonAsync($"{Rounds.Path}/{round}/ballots/{Guid.NewGuid()}",
            new { memberName = "", ranking = new[] { need, need, Guid.NewGuid() } })).JsonAsync(HttpStatusCode.BadRequest);
        var badRound = await (await focal.PostJsonAsync(Rounds.Path, new { municipalityCode = municipality, period = "segundo semestre" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var after = await Rounds.GetAsync(focal, round);

        Assert.Equal(["category", "evidenceSource", "locality", "peopleAffected", "populationGroup", "severity"], badNeed.ErrorFields());
        Assert.Equal(["memberId", "ranking"], badBallot.ErrorFields());
        Assert.Equal(2, badBallot.GetProperty("errors").GetProperty("ranking").GetArrayLength());
        Assert.Equal(["period"], badRound.ErrorFields());
        Assert.Equal(1, after.GetProperty("needs").GetArrayLength());
        Assert.Equal(0, after.GetProperty("ballots").GetArrayLength());
    }

    [Fact]
    public async Task One_open_round_per_municipality_and_one_round_per_period()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());
        await Rounds.OpenAsync(admin, municipality, "2026");

        var samePeriod = await (await admin.PostJsonAsync(Rounds.Path, new { municipalityCode = municipality, period = "2026" })).JsonAsync(HttpStatusCode.Conflict);
        var secondOpen = await (await admin.PostJsonAsync(Rounds.Path, new { municipalityCode = municipality, period = "2027" })).JsonAsync(HttpStatusCode.Conflict);
        var listed = await (await admin.GetAsync($"{Rounds.Path}?municipality={municipality}")).JsonAsync(HttpStatusCode.OK);

        Assert.Contains("2026", samePeriod.GetProperty("detail").GetString());
        Assert.Contains("ya tiene abierta la ronda 2026", secondOpen.GetProperty("detail").GetString());
        Assert.Single(listed.EnumerateArray());
    }

    [Fact]
    public async Task Scope_a_focal_point_of_another_municipality_sees_nothing_and_the_analysis_only_reads()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        using var stranger = host.Client(host.FocalPoint("pilar"));
        using var analyst = host.Client(host.Analyst());

        await (await stranger.GetAsync($"{Rounds.Path}/{round}")).JsonAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostJsonAsync($"{Rounds.Path}/{round}/needs", Rounds.Need("health", 1, 1))).JsonAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostJsonAsync(Rounds.Path, new { municipalityCode = municipality, period = "2030" })).JsonAsync(HttpStatusCode.Forbidden);
        var strangerList = await (await stranger.GetAsync($"{Rounds.Path}?municipality={municipality}")).JsonAsync(HttpStatusCode.Forbidden);
        var ownList = await (await stranger.GetAsync(Rounds.Path)).JsonAsync(HttpStatusCode.OK);
        await Rounds.GetAsync(analyst, round);
        await (await analyst.PostJsonAsync($"{Rounds.Path}/{round}/needs", Rounds.Need("health", 1, 1))).JsonAsync(HttpStatusCode.Forbidden);
        await (await host.Client(null).GetAsync($"{Rounds.Path}/{round}")).JsonAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("pilar", strangerList.GetProperty("detail").GetString());
        Assert.DoesNotContain(ownList.EnumerateArray(), r => r.GetProperty("municipalityCode").GetString() == municipality);
    }

    [Fact]
    public async Task Only_a_voting_member_of_the_boards_current_roster_casts_a_ballot_under_the_rosters_name()
    {
        // Reported: PUT .../ballots/{anyGuid} was accepted.
        var municipality = await host.NewMunicipalityAsync();
        var other = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 10, 2));
        var stranger = host.Voter(other, "Miembro de otra mesa");
        var member = host.Voter(municipality, "Rosa Giménez");

        var invented = await (await focal.PutJsonAsync($"{Rounds.Path}/{round}/ballots/{Guid.NewGuid()}",
            new { memberName = "Inventada", ranking = new[] { need } })).JsonAsync(HttpStatusCode.BadRequest);
        var otherBoard = await (await focal.PutJsonAsync($"{Rounds.Path}/{round}/ballots/{stranger}",
            new { memberName = "Miembro de otra mesa", ranking = new[] { need } })).JsonAsync(HttpStatusCode.BadRequest);
        var before = await Rounds.GetAsync(focal, round);
        await Rounds.CastAsync(focal, round, member, "Otro nombre", need);
        var after = await Rounds.GetAsync(focal, round);

        Assert.Equal(["memberId"], invented.ErrorFields());
        Assert.Equal(["memberId"], otherBoard.ErrorFields());
        Assert.Equal(0, before.GetProperty("ballots").GetArrayLength());
        var ballot = Assert.Single(after.GetProperty("ballots").EnumerateArray());
        Assert.Equal("Rosa Giménez", ballot.GetProperty("memberName").GetString());
    }

    private async Task<(HttpClient Focal, Guid Round, Guid Need)> ClosedRoundAsync()
    {
        var municipality = await host.NewMunicipalityAsync();
        var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = await Rounds.AddNeedAsync(focal, round, Rounds.Need("food_security", 12, 4));
        await Rounds.CastAsync(focal, round, host.Voter(municipality), "Ana", need);
        await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = 3 })).JsonAsync(HttpStatusCode.OK);
        return (focal, round, need);
    }

    private static void AssertRanking((Guid Need, int Points, string DecidedBy)[] expected, JsonElement ranking)
    {
        var items = ranking.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, expected.Length), items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Equal(expected, items.Select(i => (i.GetProperty("needId").GetGuid(), i.GetProperty("points").GetInt32(), i.GetProperty("decidedBy").GetString()!)));
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> find, string what)
        where T : class
    {
        T? found = null;
        await NeedsHost.WaitUntilAsync(() => Task.FromResult((found = find()) is not null), what);
        return found!;
    }
}
