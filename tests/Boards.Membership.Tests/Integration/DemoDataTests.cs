using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Features.DemoData;

namespace Boards.Membership.Tests.Integration;

/// <summary>The service started with Membership:SeedDemoData, as ./run.sh would in Development.</summary>
public sealed class DemoDataHost : MembershipHost
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { [DemoBoardsSeeder.ConfigurationKey] = "true" };
}

public sealed class DemoDataTests(DemoDataHost host) : IClassFixture<DemoDataHost>
{
    [Fact]
    public async Task Demo_boards_follow_every_rule_and_announce_their_focal_points_once()
    {
        await host.Services.SeedDemoBoardsAsync(); // a second start adds nothing

        var boards = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Boards.AsNoTracking()
            .Include(b => b.Members).Include(b => b.FocalPointTerms).ToListAsync());
        var events = await host.InScopeAsync(s => s.GetRequiredService<MembershipDbContext>().Set<OutboxMessage>().AsNoTracking()
            .CountAsync(m => m.MessageType == OutboxDbContextExtensions.MessageTypeName(typeof(FocalPointAppointed))));

        Assert.Equal(8, boards.Count);
        Assert.Equal(8, events);
        Assert.All(boards, board =>
        {
            Assert.Equal(BoardStatus.Active, board.Status);
            var term = Assert.Single(board.FocalPointTerms, t => t.IsCurrent);
            Assert.Equal(Position.FocalPoint, board.Members.Single(m => m.Id == term.MemberId).Position);
            Assert.InRange(board.Members.Count, 6, 9);
        });
        // Some boards are captured by local government, so the representativity view has gaps to show.
        Assert.Contains(boards, b => b.Members.Count(m => m.Sector == Sector.LocalGovernment) * 2 > b.Members.Count);
        await MembershipHost.WaitUntilAsync(() => Task.FromResult(host.Appointments.Count(a => boards.Any(b => b.Id == a.BoardId)) == 8), "eight demo FocalPointAppointed");
    }
}
