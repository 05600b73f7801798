using System.Diagnostics;
using Boards.Membership.Contracts.Calls;
using Boards.Membership.Contracts.Grpc;
using Boards.Needs.Features.CastBallot;
using Boards.ServiceDefaults.Authentication;
using Boards.Testing.Calls;
using Grpc.Core;

namespace Boards.Needs.Tests.Calls;

/// <summary>
/// The contract of <see cref="IBoardService"/> (docs/architecture.md, "Calls between modules"): Needs' gRPC adapter and
/// Membership's in-process adapter, against the same membership service and for the same caller, give the same roster,
/// the same errors for bad input, a missing board, another municipality's focal point, no token or no Boards role, and
/// the same outcome (for Needs: the roster is unavailable) when Membership cannot answer before the deadline.
/// </summary>
public sealed class BoardServiceContractTests(BoardServiceHost host) : IClassFixture<BoardServiceHost>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(15);

    private static ListMembersRequest Members(string municipality, bool includeCeased = false) =>
        new() { MunicipalityCode = municipality, IncludeCeased = includeCeased };

    /// <summary>The same call through both adapters, as the caller with this token (none: anonymous).</summary>
    private async Task<CallOutcome> BothAsync(string? token, ListMembersRequest request)
    {
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, token));
        var grpc = await CallOutcome.OfAsync(() => host.Grpc.ListMembersAsync(request, Deadline, CancellationToken.None));
        var inProcess = await CallOutcome.OfAsync(() => host.InProcess.ListMembersAsync(request, Deadline, CancellationToken.None));
        Assert.Equal(grpc, inProcess);
        return grpc;
    }

    private string FocalPoint(string municipality) => host.Token(municipality, BoardsRoles.FocalPoint);

    [Fact]
    public async Task The_roster_is_the_same_for_the_focal_point_and_for_an_integrator_and_needs_takes_the_same_voters()
    {
        var focal = await BothAsync(FocalPoint("pilar"), Members("pilar"));
        var history = await BothAsync(host.Token(null, BoardsRoles.Integrator), Members("pilar", includeCeased: true));
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("pilar")));
        var overGrpc = await host.Roster(host.Grpc, 10).VotingMembersAsync("pilar", CancellationToken.None);
        var inProcess = await host.Roster(host.InProcess, 10).VotingMembersAsync("pilar", CancellationToken.None);

        Assert.Equal(3, ListMembersResponse.Parser.ParseJson(focal.Reply).Members.Count);
        Assert.Equal(4, ListMembersResponse.Parser.ParseJson(history.Reply).Members.Count);
        Assert.Equal(overGrpc, inProcess);
        Assert.Equal(["Ana Benítez", "Carla Ortiz"], overGrpc.Select(v => v.PersonName).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_municipality_without_a_board_is_the_same_not_found_and_has_no_voters_for_needs()
    {
        var missing = await BothAsync(FocalPoint("alto-vera"), Members("alto-vera"));
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("alto-vera")));
        var overGrpc = await host.Roster(host.Grpc, 10).VotingMembersAsync("alto-vera", CancellationToken.None);
        var inProcess = await host.Roster(host.InProcess, 10).VotingMembersAsync("alto-vera", CancellationToken.None);

        Assert.Equal(StatusCode.NotFound, missing.Code);
        Assert.Empty(overGrpc);
        Assert.Empty(inProcess);
    }

    [Fact]
    public async Task Another_municipalitys_focal_point_is_the_same_permission_denied()
    {
        var denied = await BothAsync(FocalPoint("alto-vera"), Members("pilar"));

        Assert.Equal(StatusCode.PermissionDenied, denied.Code);
        Assert.Contains("alto-vera", denied.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_too_long_code_is_the_same_invalid_argument()
    {
        var empty = await BothAsync(FocalPoint("pilar"), Members(""));
        var tooLong = await BothAsync(FocalPoint("pilar"), Members(new string('p', 65)));

        Assert.Equal(StatusCode.InvalidArgument, empty.Code);
        Assert.Contains("\"municipality_code\"", empty.Details, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, tooLong.Code);
        Assert.Contains("64", tooLong.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_is_the_same_unauthenticated_and_no_boards_role_the_same_permission_denied()
    {
        var anonymous = await BothAsync(null, Members("pilar"));
        var roleless = await BothAsync(host.Token("pilar"), Members("pilar"));

        Assert.Equal(StatusCode.Unauthenticated, anonymous.Code);
        Assert.Equal(StatusCode.PermissionDenied, roleless.Code);
    }

    [Fact]
    public async Task Membership_unable_to_answer_by_the_deadline_is_the_same_deadline_exceeded_and_the_roster_is_unavailable()
    {
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("pilar")));
        await using var locked = await TableLock.TakeAsync(host.DatabaseName, "boards", "members");

        var watch = Stopwatch.StartNew();
        var grpc = await CallOutcome.OfAsync(() => host.Grpc.ListMembersAsync(Members("pilar"), DateTime.UtcNow.AddSeconds(0.5), CancellationToken.None));
        var inProcess = await CallOutcome.OfAsync(() => host.InProcess.ListMembersAsync(Members("pilar"), DateTime.UtcNow.AddSeconds(0.5), CancellationToken.None));
        var overGrpc = await Assert.ThrowsAsync<RosterUnavailableException>(() => host.Roster(host.Grpc, 0.5).VotingMembersAsync("pilar", CancellationToken.None));
        var unavailable = await Assert.ThrowsAsync<RosterUnavailableException>(() => host.Roster(host.InProcess, 0.5).VotingMembersAsync("pilar", CancellationToken.None));
        watch.Stop();

        Assert.Equal(grpc, inProcess);
        Assert.Equal(StatusCode.DeadlineExceeded, grpc.Code);
        Assert.Equal(overGrpc.Message, unavailable.Message);
        Assert.Equal(StatusCode.DeadlineExceeded, ((RpcException)unavailable.InnerException!).StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"four calls with 0.5 s deadlines took {watch.Elapsed}");
    }
}
