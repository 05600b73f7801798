using System.Collections.Concurrent;
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
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();

        public Measurements(IMeterFactory hostMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OutboxMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, hostMeters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
            _listener.Start();
        }

        public ConcurrentQueue<(string Name, double Value, string? Type)> All { get; } = new();

        public double Sum(string name) => All.Where(m => m.Name == name).Sum(m => m.Value);

        public double Last(string name)
        {
            _listener.RecordObservableInstruments();
            return All.Last(m => m.Name == name).Value;
        }

        public void Dispose() => _listener.Dispose();

        private void Record(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? type = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "message_type")
                {
                    type = tag.Value as string;
                }
            }

            All.Enqueue((name, value, type));
        }
    }

    [Fact]
    public async Task A_failed_attempt_the_backlog_and_then_the_published_event_with_its_lag_are_measured()
    {
        var down = await StartHostAsync(TestSettings.UnreachableRabbitMq, withConsumer: false);
        using (var measured = new Measurements(down.Services.GetRequiredService<IMeterFactory>()))
        {
            await WriteChangeAsync();
            Assert.Equal(0, await down.Relay.PublishPendingAsync(CancellationToken.None));

            Assert.Equal(1, measured.Sum("boards.outbox.publish_failures"));
            Assert.Equal(0, measured.Sum("boards.outbox.published"));
            Assert.True(measured.Last("boards.outbox.backlog") >= 1);
        }

        await down.DisposeAsync();

        var up = await StartHostAsync(withConsumer: false);
        using var after = new Measurements(up.Services.GetRequiredService<IMeterFactory>());
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
        using var measured = new Measurements(host.Services.GetRequiredService<IMeterFactory>());
        var (_, poisoned) = await WriteChangeAsync();
        await using (var db = Database.NewContext())
        {
            await db.Set<OutboxMessage>().Where(m => m.Id == poisoned.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.MessageType, "Boards.Gone.Removed, Boards.Gone"));
        }

        await host.Relay.PublishPendingAsync(CancellationToken.None);

        Assert.Equal(1, measured.Sum("boards.outbox.dead_lettered"));
        Assert.Equal("Removed", measured.All.Single(m => m.Name == "boards.outbox.dead_lettered").Type);
    }
}
