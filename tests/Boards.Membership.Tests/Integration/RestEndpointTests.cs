using System.Security.Claims;
using Boards.Membership.Api.Rest;
using Boards.Membership.Features.AppointFocalPoint;
using Boards.Membership.Features.ChangeBoardStatus;
using Boards.Membership.Features.EndMembership;
using Boards.Membership.Features.GetBoard;
using Boards.Membership.Features.ListBoards;
using Boards.Membership.Features.ListFocalPoints;
using Boards.Membership.Features.ListMembers;
using Microsoft.AspNetCore.Http;

namespace Boards.Membership.Tests.Integration;

/// <summary>
/// The REST endpoints, called as the routing would call them (with a constructed user instead of a token), and their
/// results written by the real serializer: status codes, Location headers and the JSON the portal reads.
/// </summary>
public sealed class RestEndpointTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ClaimsPrincipal Principal(string? municipality, string role) =>
        new(new ClaimsIdentity(
            new[] { new Claim(BoardsClaimTypes.Role, role), new Claim(BoardsClaimTypes.Subject, "sub"), new Claim(BoardsClaimTypes.UserName, role) }
                .Concat(municipality is null ? [] : [new Claim(BoardsClaimTypes.Municipality, municipality)]),
            "constructed"));

    private async Task<(int Status, string? Location, JsonElement Body)> CallAsync<THandler>(Func<THandler, Task<IResult>> endpoint) where THandler : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await endpoint(scope.ServiceProvider.GetRequiredService<THandler>());
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        body.Position = 0;
        using var json = await JsonDocument.ParseAsync(body);
        return (context.Response.StatusCode, context.Response.Headers.Location.ToString(), json.RootElement.Clone());
    }

    [Fact]
    public async Task A_board_is_built_through_the_endpoints_and_read_back_as_json()
    {
        var code = await host.NewMunicipalityAsync();
        var admin = Principal(null, BoardsRoles.MinistryAdmin);
        var focal = Principal(code, BoardsRoles.FocalPoint);

        var created = await CallAsync<CreateBoardHandler>(async h => await BoardEndpoints.CreateBoardAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 3/2023",
            ResolutionDate = "2023-03-03",
            ChairName = "Intendente",
            ChairRole = ChairRole.Mayor,
        }, h, admin, None));
        Assert.Equal(201, created.Status);
        Assert.Equal($"/api/boards/{code}", created.Location);
        Assert.Equal("installed", created.Body.GetProperty("status").GetString());
        Assert.Equal("mayor", created.Body.GetProperty("chairRole").GetString());
        Assert.Equal(JsonValueKind.Null, created.Body.GetProperty("focalPoint").ValueKind);

        var added = await CallAsync<AddMemberHandler>(async h => await BoardEndpoints.AddMemberAsync(code, new AddMemberCommand
        {
            PersonName = "Rosa Martínez",
            Organization = "Unidad de Salud Familiar",
            Sector = Sector.NationalInstitution,
            Gender = Gender.Female,
            AgeBand = AgeBand.Youth,
            Territory = new TerritoryInput(Area.Urban, "Centro"),
            Voting = false,
            DesignatedOn = "2023-04-01",
            ExpectedVersion = 1,
        }, h, focal, None));
        Assert.Equal(201, added.Status);
        var memberId = added.Body.GetProperty("member").GetProperty("id").GetString()!;
        Assert.Equal($"/api/boards/{code}/members/{memberId}", added.Location);
        Assert.Equal(2, added.Body.GetProperty("boardVersion").GetInt64());
        Assert.Equal("national_institution", added.Body.GetProperty("member").GetProperty("sector").GetString());
        Assert.False(added.Body.GetProperty("member").GetProperty("voting").GetBoolean());

        var appointed = await CallAsync<AppointFocalPointHandler>(async h =>
            await BoardEndpoints.AppointFocalPointAsync(code, new AppointFocalPointCommand(memberId, "2023-05-01", 2), h, focal, None));
        Assert.Equal(201, appointed.Status);
        Assert.Equal(3, appointed.Body.GetProperty("boardVersion").GetInt64());
        Assert.True(appointed.Body.GetProperty("term").GetProperty("current").GetBoolean());

        var status = await CallAsync<ChangeBoardStatusHandler>(async h =>
            await BoardEndpoints.ChangeStatusAsync(code, new ChangeBoardStatusCommand(BoardStatus.Active, 3), h, focal, None));
        Assert.Equal(200, status.Status);
        Assert.Equal("active", status.Body.GetProperty("status").GetString());

        var board = await CallAsync<GetBoardHandler>(async h => await BoardEndpoints.GetBoardAsync(code, h, Principal(null, BoardsRoles.Integrator), None));
        Assert.Equal(memberId, board.Body.GetProperty("focalPoint").GetProperty("memberId").GetString());
        Assert.Equal("2023-05-01", board.Body.GetProperty("focalPoint").GetProperty("startsOn").GetString());
        Assert.Equal(1, board.Body.GetProperty("activeMembers").GetInt32());
        Assert.Equal(0, board.Body.GetProperty("votingMembers").GetInt32());
        Assert.Equal(4, board.Body.GetProperty("version").GetInt64());

        var members = await CallAsync<ListMembersHandler>(async h => await BoardEndpoints.ListMembersAsync(code, true, h, focal, None));
        Assert.Equal("focal_point", members.Body[0].GetProperty("position").GetString());

        var terms = await CallAsync<ListFocalPointsHandler>(async h => await BoardEndpoints.ListFocalPointsAsync(code, h, Principal(null, BoardsRoles.MinistryAnalyst), None));
        Assert.Equal(1, terms.Body.GetArrayLength());
        Assert.Equal("focal-point", terms.Body[0].GetProperty("appointedBy").GetString());

        var listed = await CallAsync<ListBoardsHandler>(async h => await BoardEndpoints.ListBoardsAsync(null, BoardStatus.Active, h, focal, None));
        Assert.Equal(code, Assert.Single(listed.Body.EnumerateArray()).GetProperty("municipalityCode").GetString());
    }

    [Fact]
    public async Task The_focal_point_cannot_leave_without_a_successor_and_the_endpoint_says_why()
    {
        var code = await host.NewMunicipalityAsync();
        var admin = Principal(null, BoardsRoles.MinistryAdmin);
        await CallAsync<CreateBoardHandler>(async h => await BoardEndpoints.CreateBoardAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 9/2023",
            ResolutionDate = "2023-03-03",
            ChairName = "Delegado",
            ChairRole = ChairRole.Delegate,
        }, h, admin, None));
        var added = await CallAsync<AddMemberHandler>(async h => await BoardEndpoints.AddMemberAsync(code, new AddMemberCommand
        {
            PersonName = "Rosa Martínez",
            Organization = "Municipalidad",
            Sector = Sector.LocalGovernment,
            Gender = Gender.Female,
            AgeBand = AgeBand.Adult,
            Territory = new TerritoryInput(Area.Urban, "Centro"),
            DesignatedOn = "2023-04-01",
        }, h, admin, None));
        var memberId = added.Body.GetProperty("member").GetProperty("id").GetString()!;
        await CallAsync<AppointFocalPointHandler>(async h =>
            await BoardEndpoints.AppointFocalPointAsync(code, new AppointFocalPointCommand(memberId, "2023-05-01", 0), h, admin, None));

        var refused = await Assert.ThrowsAsync<BoardRuleException>(() => CallAsync<EndMembershipHandler>(async h =>
            await BoardEndpoints.EndMembershipAsync(code, memberId, new EndMembershipCommand("2024-01-01", null, 0), h, admin, None)));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => CallAsync<EndMembershipHandler>(async h =>
            await BoardEndpoints.EndMembershipAsync(code, "no-es-un-id", new EndMembershipCommand(null, null, 0), h, admin, None)));

        Assert.Equal("focal_point_required", refused.Rule);
        Assert.Equal(["ceasedOn", "memberId"], invalid.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }
}
