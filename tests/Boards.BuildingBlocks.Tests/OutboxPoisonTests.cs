using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// One message the broker keeps refusing must not hold back its service's events, and is set aside after
/// Outbox:MaxRefusals refusals, for an operator to replay. A broker that is down refuses nothing: no message is set
/// aside however long the outage lasts.
/// </summary>
public sealed class OutboxPoisonTests : MessagingTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_oldest_message_refused_again_and_again_lets_the_others_go_is_set_aside_after_three_refusals_and_goes_out_when_replayed()
    {
        var host = await StartHostAsync(settings: new Dictionary<string, string?> { ["Outbox:MaxRefusals"] = "3" });
        using var measured = new Measurements(host.Services.GetRequiredService<IMeterFactory>(), OutboxMetrics.MeterName);
        var (_, poison) = await WriteChangeAsync(1);
        await WriteChangeAsync(2);
        await WriteChangeAsync(3);
        host.Publisher.Refused[poison.Id] = true;

        // The oldest goes first and is refused; the broker confirms the relay's probe, so the others go in the same pass.
        Assert.Equal(2, await host.Relay.PublishPendingAsync(CancellationToken.None));
        var refused = (await OutboxRowAsync(poison.Id))!;
        Assert.Equal((1, 1, null), (refused.Attempts, refused.Refusals, refused.DeadLetteredAt));

        await WriteChangeAsync(4);
        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(0, await host.Relay.PublishPendingAsync(CancellationToken.None));
        var setAside = (await OutboxRowAsync(poison.Id))!;
        Assert.Equal(3, setAside.Refusals);
        Assert.NotNull(setAside.DeadLetteredAt);
        Assert.Null(setAside.PublishedAt);
        Assert.Contains("refused", setAside.LastError);

        // Set aside: no longer tried.
        Assert.Equal(0, await host.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(3, (await OutboxRowAsync(poison.Id))!.Attempts);
        var deadLettered = Assert.Single(measured.All, m => m.Name == "boards.outbox.dead_lettered");
        Assert.Equal(("ThingHappened", OutboxMetrics.RefusedReason), (deadLettered.Type, deadLettered.Reason));
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = Database.NewContext();
            return await db.HandledThings.CountAsync() == 3;
        }, Patience, "the three other events to be handled");

        var listed = await host.AdminAsync(admin => admin.DeadLetteredAsync(CancellationToken.None));
        Assert.Equal((1, poison.Id, 3), (listed.Total, listed.Items[0].Id, listed.Items[0].Refusals));

        // The operator fixed what made the broker refuse it, and replays it.
        host.Publisher.Refused.Clear();
        Assert.Equal(1, (await host.AdminAsync(admin => admin.ReplayDeadLetteredAsync(poison.Id, CancellationToken.None))).Replayed);
        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        await Eventually.HoldsAsync(async () => await HandledCountAsync(poison.Id) == 1, Patience, "the replayed event to be handled");
        Assert.NotNull((await OutboxRowAsync(poison.Id))!.PublishedAt);
        Assert.Equal(0, (await host.AdminAsync(admin => admin.DeadLetteredAsync(CancellationToken.None))).Total);
        await Assert.ThrowsAsync<Boards.BuildingBlocks.Errors.NotFoundException>(
            () => host.AdminAsync(admin => admin.ReplayDeadLetteredAsync(poison.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_message_refused_behind_a_confirmed_one_counts_refusals_too()
    {
        var host = await StartHostAsync(withConsumer: false, settings: new Dictionary<string, string?> { ["Outbox:MaxRefusals"] = "2" });
        await WriteChangeAsync(1);
        var (_, poison) = await WriteChangeAsync(2);
        host.Publisher.Refused[poison.Id] = true;

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(0, await host.Relay.PublishPendingAsync(CancellationToken.None));

        var setAside = (await OutboxRowAsync(poison.Id))!;
        Assert.Equal((2, 2), (setAside.Attempts, setAside.Refusals));
        Assert.NotNull(setAside.DeadLetteredAt);
    }

    [Fact]
    public async Task While_the_broker_is_down_no_message_is_set_aside_however_many_passes_fail()
    {
        var down = await StartHostAsync(TestSettings.UnreachableRabbitMq, withConsumer: false, settings: new Dictionary<string, string?>
        {
            ["Outbox:MaxRefusals"] = "2",
            ["Outbox:PublishTimeout"] = "00:00:01",
        });
        await WriteChangeAsync(1);
        await WriteChangeAsync(2);

        for (var pass = 0; pass < 4; pass++)
        {
            Assert.Equal(0, await down.Relay.PublishPendingAsync(CancellationToken.None));
        }

        await using var db = Database.NewContext();
        var rows = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([(4, 0), (0, 0)], rows.Select(r => (r.Attempts, r.Refusals)));
        Assert.All(rows, row => Assert.Null(row.DeadLetteredAt));
        Assert.Equal(0, (await down.AdminAsync(admin => admin.DeadLetteredAsync(CancellationToken.None))).Total);
    }
}
