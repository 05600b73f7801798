using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// The relay's meter (Boards.Outbox) measures what it does: a failed attempt and the backlog while the broker is down,
/// then the event published with its lag, and a message set aside for good. Only this host's meter is heard (other
/// tests relay in the same process).
/// </summary>
public sealed class OutboxMetricsTests : MessagingTest
{
    [Fact]
    public async Task A_failed_attempt_the_backlog_and_then_the_published_event_with_its_lag_are_measured()
    {
        var down = await StartHostAsync(TestSettings.UnreachableRabbitMq, withConsumer: false);
        using (var measured = new Measurements(down.Services.GetRequiredService<IMeterFactory>(), OutboxMetrics.MeterName))
        {
            await WriteChangeAsync();
            Assert.Equal(0, await down.Relay.PublishPendingAsync(CancellationToken.None));

            Assert.Equal(1, measured.Sum("boards.outbox.publish_failures"));
            Assert.Equal(0, measured.Sum("boards.outbox.published"));
            Assert.True(measured.Last("boards.outbox.backlog") >= 1);
        }

        await down.DisposeAsync();

        var up = await StartHostAsync(withConsumer: false);
        using var after = new Measurements(up.Services.GetRequiredService<IMeterFactory>(), OutboxMetrics.MeterName);
        Assert.Equal(1, await up.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(1, after.Sum("boards.outbox.published"));
        var lag = Assert.Single(after.All, m => m.Name == "boards.outbox.relay_lag");
        Assert.InRange(lag.Value, 0, 120);
        Assert.False(string.IsNullOrEmpty(lag.Type));
        Assert.DoesNotContain(",", lag.Type);

        Assert.Equal(0, await up.Relay.PublishPendingAsync(CancellationToken.None));
        Assert.Equal(0, after.Last("boards.outbox.backlog"));
    }

    [Fact]
    public async Task A_message_set_aside_for_good_is_counted()
    {
        var host = await StartHostAsync(withConsumer: false);
        using var measured = new Measurements(host.Services.GetRequiredService<IMeterFactory>(), OutboxMetrics.MeterName);
        var (_, poisoned) = await WriteChangeAsync();
        await using (var db = Database.NewContext())
        {
            await db.Set<OutboxMessage>().Where(m => m.Id == poisoned.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.MessageType, "Boards.Gone.Removed, Boards.Gone"));
        }

        await host.Relay.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(1, measured.Sum("boards.outbox.dead_lettered"));
        var deadLettered = measured.All.Single(m => m.Name == "boards.outbox.dead_lettered");
        Assert.Equal(("Removed", OutboxMetrics.UnreadableReason), (deadLettered.Type, deadLettered.Reason));
    }
}
