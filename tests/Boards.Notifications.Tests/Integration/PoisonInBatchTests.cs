using System.Diagnostics.Metrics;
using Boards.BuildingBlocks.Messaging;
using Boards.Notifications.Data;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// A referral event that breaks Notifications' batch (a destination institution code longer than any code: the save
/// fails) among good ones (docs/messaging.md, "Batches"): the batch fails and leaves no trace, the good ones are handled
/// and announced, the bad one alone is retried in place, set aside in parked_messages, sent back once and parked for
/// good, never in the error queue; an operator's replay sends it through the consumer again, and it is parked again.
/// The class runs alone (<see cref="RunsAlone"/>): its poison would break the batches of every other host alive.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PoisonInBatchTests(FastRetryNotificationsHost host) : IClassFixture<FastRetryNotificationsHost>
{
    [Fact]
    public async Task A_referral_event_that_breaks_its_batch_is_parked_alone_and_the_others_are_announced()
    {
        var code = $"veneno-{Guid.NewGuid().ToString("N")[..8]}";
        var officer = await host.PersonAsync($"veneno.{code}", BoardsRoles.InstitutionOfficer, null, institution: "mspbs", servesIn: [code]);
        var good = Enumerable.Range(0, 12)
            .Select(_ => (Id: NewId.NextGuid(), Message: Events.Requested(Guid.NewGuid(), code, "mds", "mspbs", TimeSpan.FromDays(1))))
            .ToList();
        var poisonId = NewId.NextGuid();
        var poison = Events.Requested(Guid.NewGuid(), code, "mds", new string('x', NotificationsLimits.Code + 1), TimeSpan.FromDays(1));
        using var failedBatches = new FailedBatches(host.Services.GetRequiredService<IMeterFactory>());

        var heldId = NewId.NextGuid();
        await using (var held = await HeldBatch.HoldAsync(host.DatabaseName, heldId, "ReferralCancelledConsumer"))
        {
            await PublishAsync(Events.Cancelled(Events.Requested(Guid.NewGuid(), code, "mds", "ips", TimeSpan.FromDays(1))), heldId);
            await held.WaitUntilABatchWaitsAsync();
            await Task.WhenAll(good.Take(6).Append((Id: poisonId, Message: poison)).Concat(good.Skip(6)).Select(d => PublishAsync(d.Message, d.Id)));
            await Task.Delay(1000); // all of them waiting for the next batch
        }

        var page = await host.InboxWithAsync(officer, good.Count);
        Assert.Equal(good.Select(d => $"/referencias/{d.Message.ReferralId}").Order(), page.Items.Select(n => n.Link).Order());
        Assert.True(failedBatches.Count >= 1, "The poison's batch failed and its messages went alone.");

        await NotificationsHost.WaitUntilAsync(async () => (await ParkedAsync(poisonId))?.ParkedAt is not null, "the poison event parked for good");
        var parked = (await ParkedAsync(poisonId))!;
        Assert.Equal((2, 1, host.ReceiveEndpoint), (parked.Failures, parked.Redeliveries, parked.Queue));
        Assert.StartsWith("DbUpdateException", parked.LastError);
        Assert.Equal(0, await InboxRowsAsync(poisonId));
        Assert.Equal(0, await host.InDbAsync(db => db.TrackedReferrals.CountAsync(r => r.ReferralId == poison.ReferralId)));
        Assert.False((await TestRabbitMq.InspectQueueAsync(host.ReceiveEndpoint + "_error")).Exists, "Nothing went to the error queue.");

        var replayed = await host.InScopeAsync(services =>
            services.GetRequiredService<MessagingAdmin<NotificationsDbContext>>().ReplayAsync(parked.Id, CancellationToken.None));
        Assert.Equal(1, replayed.Replayed);
        await NotificationsHost.WaitUntilAsync(
            async () => await ParkedAsync(poisonId) is { Failures: 3, ParkedAt: not null }, "the replayed event, still broken, parked again");
        Assert.Equal(good.Count, (await host.InboxAsync(officer, "?status=all")).Total);
        foreach (var (id, _) in good)
        {
            Assert.Equal(1, await InboxRowsAsync(id));
        }
    }

    private Task PublishAsync(object message, Guid id) =>
        host.Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id));

    private Task<ParkedMessage?> ParkedAsync(Guid messageId) =>
        host.InDbAsync(db => db.Set<ParkedMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == messageId));

    private Task<int> InboxRowsAsync(Guid messageId) => host.InDbAsync(db => db.Database
        .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM inbox_messages WHERE "MessageId" = {messageId}""")
        .SingleAsync());

    /// <summary>Counts boards.messaging.batches_failed of this host only (its IMeterFactory is the meter's scope).</summary>
    private sealed class FailedBatches : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public FailedBatches(IMeterFactory hostMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Name: "boards.messaging.batches_failed", Meter.Name: MessagingMetrics.MeterName }
                    && ReferenceEquals(instrument.Meter.Scope, hostMeters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>The Notifications host with retries in place 50 ms apart and one redelivery a second after a failure.</summary>
public sealed class FastRetryNotificationsHost : NotificationsHost
{
    protected override void Configure(IWebHostBuilder web)
    {
        base.Configure(web);
        web.UseSetting("Messaging:RetryIntervals", "00:00:00.05,00:00:00.05");
        web.UseSetting("Messaging:RedeliveryIntervals", "00:00:01");
        web.UseSetting("Messaging:RedeliveryPollInterval", "00:00:00.200");
    }
}
