using System.Net;
using Boards.Membership.Features.Municipalities;
using Boards.Membership.Tests.Integration.Limits;
using Boards.Testing;
using Grpc.Core;
using Proto = Boards.Membership.Contracts.Grpc;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// Issue 16, minimisation: a member's sensitive flags (indigenous, disability) and account reach only the ministry, the
/// focal point of the board's municipality and institution officers serving there; every other reader gets them null
/// (REST) or hidden (gRPC <c>sensitive_data_hidden</c>). Real tokens from the in-process identity provider.
/// </summary>
public sealed class MemberDisclosureTests(MembershipTokenHost host) : IClassFixture<MembershipTokenHost>, IAsyncLifetime
{
    private const string Account = "rosa.sensible";
    private string _code = "";
    private string _sensitive = "";
    private string _plain = "";

    /// <summary>Each reader, and whether it sees the sensitive data of the board's members.</summary>
    public static TheoryData<string, bool> Readers() => new()
    {
        { "ministry-analyst", true },
        { "ministry-admin", true },
        { "focal-point-here", true },
        { "officer-serving-here", true },
        { "integrator", false },
        { "officer-serving-elsewhere", false },
        { "officer-serving-nowhere", false },
    };

    private Task<string> TokenAsync(string reader) => reader switch
    {
        "ministry-analyst" => host.TokenAsync(null, BoardsRoles.MinistryAnalyst),
        "ministry-admin" => host.TokenAsync(null, BoardsRoles.MinistryAdmin),
        "focal-point-here" => host.TokenAsync(_code, BoardsRoles.FocalPoint),
        "officer-serving-here" => host.OfficerTokenAsync("mspbs", "pilar", _code),
        "integrator" => host.TokenAsync(null, BoardsRoles.Integrator),
        "officer-serving-elsewhere" => host.OfficerTokenAsync("mspbs", "pilar"),
        "officer-serving-nowhere" => host.OfficerTokenAsync("mspbs"),
        _ => throw new ArgumentOutOfRangeException(nameof(reader), reader, null),
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Rest_member_list_carries_the_sensitive_flags_and_the_account_only_for_the_ministry_and_the_municipality(string reader, bool sees)
    {
        using var client = host.Client(await TokenAsync(reader));

        var members = await (await client.GetAsync($"/api/boards/{_code}/members?includeCeased=true")).JsonAsync(HttpStatusCode.OK);

        var sensitive = members.EnumerateArray().Single(m => m.Str("id") == _sensitive);
        var plain = members.EnumerateArray().Single(m => m.Str("id") == _plain);
        Assert.Equal("Rosa Sensible", sensitive.Str("personName"));
        Assert.Equal("rural", sensitive.GetProperty("territory").Str("area"));
        if (sees)
        {
            Assert.True(sensitive.GetProperty("indigenous").GetBoolean());
            Assert.True(sensitive.GetProperty("disability").GetBoolean());
            Assert.Equal(Account, sensitive.Str("account"));
            Assert.False(sensitive.GetProperty("sensitiveDataHidden").GetBoolean());
            Assert.False(plain.GetProperty("indigenous").GetBoolean());
            Assert.False(plain.GetProperty("sensitiveDataHidden").GetBoolean());
        }
        else
        {
            foreach (var member in new[] { sensitive, plain })
            {
                Assert.Equal(JsonValueKind.Null, member.GetProperty("indigenous").ValueKind);
                Assert.Equal(JsonValueKind.Null, member.GetProperty("disability").ValueKind);
                Assert.Equal(JsonValueKind.Null, member.GetProperty("account").ValueKind);
                Assert.True(member.GetProperty("sensitiveDataHidden").GetBoolean());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Rest_focal_point_history_carries_the_account_only_for_the_ministry_and_the_municipality(string reader, bool sees)
    {
        using var client = host.Client(await TokenAsync(reader));

        var terms = await (await client.GetAsync($"/api/boards/{_code}/focal-points")).JsonAsync(HttpStatusCode.OK);

        var term = Assert.Single(terms.EnumerateArray());
        Assert.Equal(_sensitive, term.Str("memberId"));
        if (sees)
        {
            Assert.Equal(Account, term.Str("account"));
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, term.GetProperty("account").ValueKind);
            Assert.Equal(JsonValueKind.Null, term.GetProperty("accessDetail").ValueKind); // it can name an account
        }

        Assert.Equal(!sees, term.GetProperty("sensitiveDataHidden").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Grpc_ListMembers_marks_the_sensitive_flags_hidden_except_for_the_ministry_and_the_municipality(string reader, bool sees)
    {
        var client = new Proto.BoardService.BoardServiceClient(host.Channel());
        var headers = new Metadata { { "authorization", $"Bearer {await TokenAsync(reader)}" } };

        var reply = await client.ListMembersAsync(new Proto.ListMembersRequest { MunicipalityCode = _code, IncludeCeased = true }, headers);

        var sensitive = reply.Members.Single(m => m.Id == _sensitive);
        var plain = reply.Members.Single(m => m.Id == _plain);
        Assert.Equal("Rosa Sensible", sensitive.PersonName);
        Assert.Equal(!sees, sensitive.SensitiveDataHidden);
        Assert.Equal(!sees, plain.SensitiveDataHidden);
        Assert.Equal(sees, sensitive.Indigenous);
        Assert.Equal(sees, sensitive.Disability);
        Assert.False(plain.Indigenous);
    }

    [Fact]
    public async Task A_focal_point_of_another_municipality_reads_no_member_at_all()
    {
        var token = await host.TokenAsync("pilar", BoardsRoles.FocalPoint);
        using var client = host.Client(token);
        var grpc = new Proto.BoardService.BoardServiceClient(host.Channel());

        var rest = await client.GetAsync($"/api/boards/{_code}/members");
        var refused = await Assert.ThrowsAsync<RpcException>(() => grpc.ListMembersAsync(
            new Proto.ListMembersRequest { MunicipalityCode = _code }, new Metadata { { "authorization", $"Bearer {token}" } }).ResponseAsync);

        Assert.Equal(HttpStatusCode.Forbidden, rest.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_says_when_the_sensitive_fields_are_null()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var members = document.RootElement.GetProperty("paths").GetProperty("/api/boards/{municipalityCode}/members").GetProperty("get");

        Assert.Contains("sensitiveDataHidden", members.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A board of its own with a member carrying both flags and an account (the focal point) and one with neither.</summary>
    public async Task InitializeAsync()
    {
        _code = $"sensible-{Guid.NewGuid().ToString("N")[..10]}";
        await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MembershipDbContext>();
            db.Municipalities.Add(new Municipality { Code = _code, Name = "Municipio de prueba", Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
            return await db.SaveChangesAsync();
        });
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        await (await admin.PostJsonAsync("/api/boards", new
        {
            municipalityCode = _code, resolutionNumber = "Res. 16/2024", resolutionDate = "2024-03-01", chairName = "Intendente", chairRole = "mayor",
        })).JsonAsync(HttpStatusCode.Created);
        _sensitive = await AddAsync(admin, "Rosa Sensible", indigenous: true, disability: true, Account);
        _plain = await AddAsync(admin, "Beto Común", indigenous: false, disability: false, account: null);
        await (await admin.PostJsonAsync($"/api/boards/{_code}/focal-point", new { memberId = _sensitive, startsOn = "2024-05-01", expectedVersion = 0 }))
            .JsonAsync(HttpStatusCode.Created);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> AddAsync(HttpClient admin, string name, bool indigenous, bool disability, string? account)
    {
        var added = await (await admin.PostJsonAsync($"/api/boards/{_code}/members", new
        {
            personName = name, organization = "Comité vecinal", sector = "community_organization", gender = "female", ageBand = "adult",
            territory = new { area = "rural", locality = "Colonia 7" }, indigenous, disability, designatedOn = "2024-04-01", account,
            expectedVersion = 0,
        })).JsonAsync(HttpStatusCode.Created);
        return added.GetProperty("member").Str("id");
    }
}
