using System.Net;
using Boards.Membership.Features.Municipalities;
using Boards.Testing;
using Google.Rpc;
using Grpc.Core;
using Proto = Boards.Membership.Contracts.Grpc;

namespace Boards.Membership.Tests.Integration.Limits;

/// <summary>
/// Every text field and list of a Membership request has a declared maximum (MembershipLimits): over it the answer is
/// 400 naming the field (REST) or InvalidArgument naming the proto field (gRPC), nothing is written, and exactly the
/// maximum is accepted. The OpenAPI document shows every maximum.
/// </summary>
public sealed class FreeTextLimitTests(MembershipTokenHost host) : IClassFixture<MembershipTokenHost>
{
    private static string Text(int length) => new('ñ', length);

    [Fact]
    public async Task Every_text_field_and_list_of_a_rest_body_declares_its_maximum_in_the_openapi_document()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var undeclared = OpenApiLimits.Undeclared(document.RootElement);

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Theory]
    [InlineData("chairName", 201)]
    [InlineData("chairName", 20_000)]
    [InlineData("resolutionNumber", 101)]
    [InlineData("resolutionNumber", 10_000)]
    [InlineData("resolutionDate", 11)]
    public async Task A_board_field_over_its_maximum_is_refused_naming_it_and_no_board_is_written(string field, int length)
    {
        var code = await NewMunicipalityAsync();
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var body = new Dictionary<string, object>
        {
            ["municipalityCode"] = code, ["resolutionNumber"] = "Res. 1/2024", ["resolutionDate"] = "2024-03-01",
            ["chairName"] = "Intendente", ["chairRole"] = "mayor",
        };
        body[field] = Text(length);
        var before = await host.CountWrittenAsync();

        var problem = await (await admin.PostJsonAsync("/api/boards", body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(before, await host.CountWrittenAsync());
    }

    [Fact]
    public async Task Member_fields_over_their_maximum_are_refused_each_named_and_no_member_is_written()
    {
        var (code, version) = await NewBoardAsync();
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var before = await host.CountWrittenAsync();

        var problem = await (await admin.PostJsonAsync($"/api/boards/{code}/members", Member(version) with
        {
            personName = Text(20_000), organization = Text(201), territory = new { area = "urban", locality = Text(201) },
            account = Text(101), designatedOn = Text(11),
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string> { "personName", "organization", "territory.locality", "account", "designatedOn" },
            problem.ErrorFields().ToHashSet());
        Assert.Equal(before, await host.CountWrittenAsync());
    }

    [Fact]
    public async Task A_member_whose_texts_are_exactly_their_maximum_is_added_whole()
    {
        var (code, version) = await NewBoardAsync();
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var added = await (await admin.PostJsonAsync($"/api/boards/{code}/members", Member(version) with
        {
            personName = Text(200), organization = Text(200), territory = new { area = "rural", locality = Text(200) },
        })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Text(200), added.GetProperty("member").Str("personName"));
    }

    [Fact]
    public async Task Session_texts_and_lists_over_their_maximum_are_refused_each_named_and_no_session_is_written()
    {
        var (code, _) = await NewBoardAsync();
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var before = await host.CountWrittenAsync();

        var problem = await (await admin.PostJsonAsync($"/api/boards/{code}/sessions", new
        {
            date = "2024-05-01", agenda = Text(4001), minutes = Text(2_000_000),
            attendees = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid().ToString()).ToArray(),
            agreements = new[] { new { what = Text(2001), responsibleInstitution = Text(65), dueOn = "2024-06-01" } },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string> { "agenda", "minutes", "attendees", "agreements[0].what", "agreements[0].responsibleInstitution" },
            problem.ErrorFields().ToHashSet());
        Assert.Equal(before, await host.CountWrittenAsync());
    }

    [Fact]
    public async Task A_session_with_minutes_of_exactly_their_maximum_is_recorded_whole()
    {
        var (code, _) = await NewBoardAsync();
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var recorded = await (await admin.PostJsonAsync($"/api/boards/{code}/sessions", new
        {
            date = "2024-05-01", agenda = Text(4000), minutes = Text(20_000), attendees = Array.Empty<string>(),
        })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(Text(20_000), recorded.Str("minutes"));
    }

    [Fact]
    public async Task Municipality_registry_fields_over_their_maximum_are_refused_each_named()
    {
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var problem = await (await admin.PostJsonAsync("/api/municipalities", new
        {
            code = Text(65), name = Text(201), department = Text(20_000), departmentNumber = 7, status = Text(41),
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "code", "name", "department", "status" }, problem.ErrorFields().ToHashSet());
    }

    [Theory]
    [InlineData(65)]
    [InlineData(6_400)]
    public async Task Over_grpc_a_municipality_code_over_its_maximum_is_invalid_argument_naming_it(int length)
    {
        var client = new Proto.BoardService.BoardServiceClient(host.Channel());
        var token = await host.TokenAsync(null, BoardsRoles.MinistryAnalyst);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };

        var calls = new Func<Task>[]
        {
            () => client.GetBoardAsync(new Proto.GetBoardRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync,
            () => client.ListBoardsAsync(new Proto.ListBoardsRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync,
            () => client.ListMembersAsync(new Proto.ListMembersRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync,
            () => client.GetRepresentativityAsync(new Proto.GetRepresentativityRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync,
            () => client.ListSessionsAsync(new Proto.ListSessionsRequest { MunicipalityCode = Text(length) }, headers).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Equal("municipality_code", Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }
    }

    private static MemberBody Member(long version) => new(
        "Rosa Martínez", "Unidad de Salud Familiar", "national_institution", "female", "adult", new { area = "urban", locality = "Centro" },
        "2024-04-01", null, version);

    /// <summary>A member as the portal sends it (lower camel case, as the JSON).</summary>
    private sealed record MemberBody(
        string personName, string organization, string sector, string gender, string ageBand, object territory, string designatedOn,
        string? account, long expectedVersion);

    /// <summary>A municipality of its own with a board; its code and the board's version.</summary>
    private async Task<(string Code, long Version)> NewBoardAsync()
    {
        var code = await NewMunicipalityAsync();
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var board = await (await admin.PostJsonAsync("/api/boards", new
        {
            municipalityCode = code, resolutionNumber = "Res. 1/2024", resolutionDate = "2024-03-01", chairName = "Intendente", chairRole = "mayor",
        })).JsonAsync(HttpStatusCode.Created);
        return (code, board.Long("version"));
    }

    private async Task<string> NewMunicipalityAsync()
    {
        var code = $"limite-{Guid.NewGuid().ToString("N")[..10]}";
        await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MembershipDbContext>();
            db.Municipalities.Add(new Municipality { Code = code, Name = "Municipio de prueba", Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
            return await db.SaveChangesAsync();
        });
        return code;
    }
}
