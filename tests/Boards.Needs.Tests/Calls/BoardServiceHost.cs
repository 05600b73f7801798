extern alias membership;

using Boards.Membership.Contracts.Calls;
using Boards.Needs.Features.CastBallot;
using Boards.ServiceDefaults.Authentication;
using Boards.Testing;
using Boards.Testing.Calls;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using membership::Boards.Membership.Api.InProcess;
using membership::Boards.Membership.Domain;
using membership::Boards.Membership.Features.AddMember;
using membership::Boards.Membership.Features.CreateBoard;
using membership::Boards.Membership.Features.EndMembership;
using MembershipProgram = membership::Program;

namespace Boards.Needs.Tests.Calls;

/// <summary>
/// The REAL membership service hosted in-process on Kestrel's HTTP/2 (<see cref="ServiceTestHost{TProgram}"/>: real
/// PostgreSQL and RabbitMQ, real tokens) with a board in Pilar (two voting members, one without vote, one ceased), and
/// both adapters of <see cref="IBoardService"/>: Needs' gRPC client as AddBoardRoster registers it, sending to that
/// service, and the in-process adapter Membership registered for itself.
/// </summary>
public sealed class BoardServiceHost()
    : ServiceTestHost<MembershipProgram>("membership", "membershipdb", "Membership:IdentityLink:ReceiveEndpoint", "membership-identity-link"), IAsyncLifetime
{
    public const string Municipality = "pilar";

    private static readonly Caller Admin = new("sub-admin", "Administración", new HashSet<string> { BoardsRoles.MinistryAdmin }, null, null);

    private ServiceProvider? _needs;

    /// <summary>The membership service's HTTP/2 endpoint (Kestrel).</summary>
    public string Address { get; private set; } = "";

    /// <summary>Needs' gRPC adapter, through the membership service's HTTP/2 endpoint.</summary>
    public IBoardService Grpc { get; private set; } = null!;

    /// <summary>Membership's in-process adapter, from the membership service's own container.</summary>
    public IBoardService InProcess { get; private set; } = null!;

    /// <summary>Needs' roster (voters, "roster unavailable") over either adapter, with this timeout.</summary>
    public IBoardRoster Roster(IBoardService boards, double timeoutSeconds) =>
        new MembershipBoardRoster(boards, Options.Create(new MembershipRosterOptions { Address = Address, TimeoutSeconds = timeoutSeconds }));

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _needs = CallerModule.Build(new Dictionary<string, string?> { ["Needs:Membership:Address"] = Address }, services => services.AddBoardRoster());
        Grpc = _needs.GetRequiredService<IBoardService>();
        InProcess = Services.GetRequiredService<IBoardService>();
        if (Grpc is not GrpcBoardService || InProcess is not InProcessBoardService)
        {
            throw new InvalidOperationException($"Adapters: {Grpc.GetType().Name} and {InProcess.GetType().Name}.");
        }

        await InScopeAsync(services => services.GetRequiredService<CreateBoardHandler>().HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = Municipality,
            ResolutionNumber = "Res. 7/2022",
            ResolutionDate = "2022-08-01",
            ChairName = "Delegada",
            ChairRole = ChairRole.Delegate,
        }, Admin, CancellationToken.None));
        await AddMemberAsync("Ana Benítez", voting: true);
        await AddMemberAsync("Carla Ortiz", voting: true);
        await AddMemberAsync("Diego Ramírez", voting: false);
        var ceased = await AddMemberAsync("Elena Duarte", voting: true);
        await InScopeAsync(services => services.GetRequiredService<EndMembershipHandler>().HandleAsync(
            Municipality, ceased.ToString(), new EndMembershipCommand("2024-12-31", null, 0), Admin, CancellationToken.None));
    }

    protected override void Start(WebApplicationFactory<MembershipProgram> factory) => Address = Http2Server.Start(factory);

    public new async Task DisposeAsync()
    {
        if (_needs is not null)
        {
            await _needs.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private async Task<Guid> AddMemberAsync(string name, bool voting)
    {
        var (_, member) = await InScopeAsync(services => services.GetRequiredService<AddMemberHandler>().HandleAsync(Municipality, new AddMemberCommand
        {
            PersonName = name,
            Organization = "Comité de mujeres",
            Sector = Sector.CommunityOrganization,
            Gender = Gender.Female,
            AgeBand = AgeBand.Adult,
            Territory = new TerritoryInput(Area.Rural, "Colonia 7"),
            Voting = voting,
            DesignatedOn = "2023-02-01",
        }, Admin, CancellationToken.None));
        return member.Id;
    }
}
