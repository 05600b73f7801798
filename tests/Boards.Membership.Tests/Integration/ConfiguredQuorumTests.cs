using Boards.Membership.Domain.Sessions;
using Boards.Membership.Features.RecordSession;

namespace Boards.Membership.Tests.Integration;

/// <summary>The service started with Membership:QuorumFraction = 0.667 (more than two thirds).</summary>
public sealed class TwoThirdsQuorumHost : MembershipHost
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { ["Membership:QuorumFraction"] = "0.667" };
}

public sealed class ConfiguredQuorumTests(TwoThirdsQuorumHost host) : IClassFixture<TwoThirdsQuorumHost>
{
    [Fact]
    public async Task The_configured_fraction_decides_quorum_and_is_stored_with_the_session()
    {
        var code = await host.NewMunicipalityAsync();
        await host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 1/2023",
            ResolutionDate = "2023-01-10",
            ChairName = "Intendente",
            ChairRole = ChairRole.Mayor,
        }, TestCallers.Admin, CancellationToken.None));
        var members = new List<Member>();
        for (var i = 0; i < 6; i++)
        {
            members.Add((await host.With<AddMemberHandler, (Board, Member)>(h => h.HandleAsync(code, new AddMemberCommand
            {
                PersonName = $"Miembro {i}",
                Organization = "Comisión vecinal",
                Sector = Sector.CommunityOrganization,
                Gender = Gender.Female,
                AgeBand = AgeBand.Adult,
                Territory = new TerritoryInput(Area.Urban, "Centro"),
                DesignatedOn = "2024-01-01",
            }, TestCallers.Admin, CancellationToken.None))).Item2);
        }

        Task<(Board, Session)> RecordAsync(int present) => host.With<RecordSessionHandler, (Board, Session)>(h => h.HandleAsync(code,
            new RecordSessionCommand { Date = "2025-03-03", Agenda = "Plan", Attendees = members.Take(present).Select(m => m.Id.ToString()).ToList() },
            TestCallers.FocalPoint(code), CancellationToken.None));

        // 6 voting members: more than 0.667 × 6 = 4.002 means 5. Four present (a simple majority) is not enough.
        var (_, four) = await RecordAsync(4);
        var (_, five) = await RecordAsync(5);

        Assert.Equal((0.667m, 5, false), (four.QuorumFraction, four.QuorumRequired, four.QuorumReached));
        Assert.Equal((5, true), (five.QuorumRequired, five.QuorumReached));
    }
}
