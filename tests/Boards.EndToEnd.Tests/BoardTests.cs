using Boards.Membership.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>Boards, rosters and focal points through the gateway, with real tokens.</summary>
[Collection(BoardsCollection.Name)]
public sealed class BoardTests(BoardsAppFixture boards)
{
    private const string Municipality = "alberdi";

    [Fact]
    public async Task A_board_is_registered_its_focal_point_keeps_the_roster_and_a_new_appointment_ends_the_previous_one()
    {
        await EnsureBoardAsync();
        var focal = await boards.Tokens.ForUser($"focal.{Municipality}");

        var first = await AddMemberAsync(focal, "Rosa Martínez", "national_institution");
        var second = await AddMemberAsync(focal, "Carlos Benítez", "community_organization");

        using (var appoint = await SendAsync(HttpMethod.Post, $"/api/boards/{Municipality}/focal-point", focal, new { memberId = first, startsOn = "2026-01-10" }))
        {
            Assert.Equal(HttpStatusCode.Created, appoint.StatusCode);
        }

        using (var appoint = await SendAsync(HttpMethod.Post, $"/api/boards/{Municipality}/focal-point", focal, new { memberId = second, startsOn = "2026-02-01" }))
        {
            Assert.Equal(HttpStatusCode.Created, appoint.StatusCode);
        }

        using var history = await SendAsync(HttpMethod.Get, $"/api/boards/{Municipality}/focal-points", focal);
        using var terms = JsonDocument.Parse(await history.Content.ReadAsStringAsync());
        var list = terms.RootElement.EnumerateArray().ToList();
        var current = Assert.Single(list, t => t.GetProperty("current").GetBoolean());
        Assert.Equal(second, current.GetProperty("memberId").GetString());
        var ended = Assert.Single(list, t => t.GetProperty("memberId").GetString() == first);
        Assert.Equal("2026-02-01", ended.GetProperty("endsOn").GetString());

        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));
        var board = await new BoardService.BoardServiceClient(boards.Channel).GetBoardAsync(new GetBoardRequest { MunicipalityCode = Municipality }, analyst);
        Assert.Equal(second, board.FocalPoint.MemberId);
        Assert.True(board.ActiveMembers >= 2);
    }

    [Fact]
    public async Task Roster_changes_are_scored_and_monitoring_shows_the_score_and_gaps()
    {
        await EnsureBoardAsync();
        var focal = await boards.Tokens.ForUser($"focal.{Municipality}");
        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));

        await AddMemberAsync(focal, "Representante municipal", "local_government");
        using var before = await SendAsync(HttpMethod.Get, $"/api/boards/{Municipality}/representativity", focal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using var beforeJson = JsonDocument.Parse(await before.Content.ReadAsStringAsync());
        var scoreBefore = beforeJson.RootElement.GetProperty("assessment").GetProperty("score").GetDouble();

        await AddMemberAsync(focal, "Comisión vecinal San Roque", "civil_society_organization");
        using var after = await SendAsync(HttpMethod.Get, $"/api/boards/{Municipality}/representativity", focal);
        using var afterJson = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        var scoreAfter = afterJson.RootElement.GetProperty("assessment").GetProperty("score").GetDouble();
        Assert.NotEqual(scoreBefore, scoreAfter);

        var summary = await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new Boards.Monitoring.Contracts.Grpc.GetMunicipalityRequest { Code = Municipality }, analyst).ResponseAsync,
            m => m.Representativity is not null && Math.Abs(m.Representativity.Score - scoreAfter) < 0.05,
            TimeSpan.FromSeconds(30), "monitoring to show the latest representativity score");
        Assert.NotEmpty(summary.Representativity.Gaps);
        Assert.True(summary.Representativity.PolicyVersion >= 1);
    }

    [Fact]
    public async Task A_session_with_attendance_and_agreements_is_recorded_and_quorum_is_computed()
    {
        await EnsureBoardAsync();
        var focal = await boards.Tokens.ForUser($"focal.{Municipality}");
        var present = await AddMemberAsync(focal, "Delegada de la USF", "national_institution");
        await AddMemberAsync(focal, "Representante ausente de la gobernación", "governorate");
        await AddMemberAsync(focal, "Representante ausente de la academia", "academia");

        using var recorded = await SendAsync(HttpMethod.Post, $"/api/boards/{Municipality}/sessions", focal, new
        {
            date = "2026-03-10",
            agenda = "Jornada de servicios en Compañía Tacuaras",
            minutes = "Se acordó organizar la jornada.",
            attendees = new[] { present },
            agreements = new[] { new { what = "Organizar la jornada de servicios", responsibleInstitution = "mds", dueOn = "2026-04-30" } },
        });
        var body = await recorded.Content.ReadAsStringAsync();
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, body);
        using var session = JsonDocument.Parse(body);
        Assert.Equal(1, session.RootElement.GetProperty("agreements").GetArrayLength());
        // One voting member present out of at least three: no quorum.
        Assert.False(session.RootElement.GetProperty("quorumReached").GetBoolean());

        var pilar = await boards.Tokens.ForUser("focal.pilar");
        using var refused = await SendAsync(HttpMethod.Get, $"/api/boards/{Municipality}/sessions", pilar);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Another_municipalitys_board_is_refused_over_rest_and_grpc()
    {
        await EnsureBoardAsync();
        var pilar = await boards.Tokens.ForUser("focal.pilar");

        using var add = await SendAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", pilar, NewMember("Intrusa", "other"));
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        using var read = await SendAsync(HttpMethod.Get, $"/api/boards/{Municipality}", pilar);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);

        var error = await Assert.ThrowsAsync<RpcException>(() => new BoardService.BoardServiceClient(boards.Channel)
            .ListMembersAsync(new ListMembersRequest { MunicipalityCode = Municipality }, BoardsAppFixture.Bearer(pilar)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private async Task EnsureBoardAsync()
    {
        var admin = await boards.Tokens.ForUser("admin");
        using var response = await SendAsync(HttpMethod.Post, "/api/boards", admin, new
        {
            municipalityCode = Municipality,
            resolutionNumber = "Res. 12/2021",
            resolutionDate = "2021-06-15",
            chairName = "Intendente de Alberdi",
            chairRole = "mayor",
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> AddMemberAsync(string token, string name, string sector)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/boards/{Municipality}/members", token, NewMember(name, sector));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("member").GetProperty("id").GetString()!;
    }

    private static object NewMember(string name, string sector) => new
    {
        personName = name,
        organization = "Organización de prueba",
        sector,
        gender = "female",
        ageBand = "adult",
        territory = new { area = "rural", locality = "Compañía Tacuaras" },
        designatedOn = "2026-01-05",
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await boards.Http.SendAsync(request);
    }
}
