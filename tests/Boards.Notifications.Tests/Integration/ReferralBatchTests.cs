using MassTransit;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// Referral events consumed in one batch (docs/messaging.md, "Batches") keep the rules they have one at a time: a request
/// that arrives after its answer is not announced as new, an answer published twice (two message ids) and a message
/// delivered twice (one id) tell each person once, and the batch is one transaction. The batch before it is held
/// (<see cref="HeldBatch"/>), so the events gather, in the order they arrive, into one batch; the class runs alone
/// (<see cref="RunsAlone"/>), so no other class's event joins it.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ReferralBatchTests(NotificationsHost host) : IClassFixture<NotificationsHost>
{
    [Fact]
    public async Task Events_in_one_batch_keep_their_order_rules_and_tell_each_person_once()
    {
        var code = $"lote-{Guid.NewGuid().ToString("N")[..8]}";
        var destination = await host.PersonAsync($"lote.ips.{code}", BoardsRoles.InstitutionOfficer, null, institution: "ips", servesIn: [code]);
        var origin = await host.PersonAsync($"lote.mds.{code}", BoardsRoles.InstitutionOfficer, null, institution: "mds", servesIn: [code]);
        var late = Events.Requested(Guid.NewGuid(), code, "mds", "ips", TimeSpan.FromDays(1));
        var fresh = Events.Requested(Guid.NewGuid(), code, "mds", "ips", TimeSpan.FromDays(1));
        var (freshId, acceptedId) = (NewId.NextGuid(), NewId.NextGuid());
        // The acceptance overtook its request (two relays); the fresh request is delivered twice (one message id), and
        // its acceptance published twice (two message ids).
        var batch = new List<(object Message, Guid Id)>
        {
            (Events.Accepted(late, TimeSpan.FromDays(10)), NewId.NextGuid()),
            (late, NewId.NextGuid()),
            (fresh, freshId),
            (fresh, freshId),
            (Events.Accepted(fresh, TimeSpan.FromDays(10)), acceptedId),
            (Events.Accepted(fresh, TimeSpan.FromDays(10)), NewId.NextGuid()),
        };

        var heldId = NewId.NextGuid();
        await using (var held = await HeldBatch.HoldAsync(host.DatabaseName, heldId, "ReferralCancelledConsumer"))
        {
            await PublishAsync(Events.Cancelled(Events.Requested(Guid.NewGuid(), code, "mds", "ips", TimeSpan.FromDays(1))), heldId);
            await held.WaitUntilABatchWaitsAsync();
            foreach (var (message, id) in batch)
            {
                await PublishAsync(message, id);
                await Task.Delay(300); // each reaches the batcher before the next: arrival order is the batch's order
            }
        }

        var ids = batch.Select(e => e.Id).Distinct().ToArray();
        await NotificationsHost.WaitUntilAsync(async () => await InboxRowsAsync(ids) == ids.Length, "the batch handled");
        Assert.Equal(1, await host.InDbAsync(db => db.Database
            .SqlQuery<int>($"""SELECT count(DISTINCT xmin::text)::int AS "Value" FROM inbox_messages WHERE "MessageId" = ANY({ids})""")
            .SingleAsync()));

        var keys = await host.InDbAsync(db => db.Announcements.Where(a => a.MunicipalityCode == code).Select(a => a.Key).ToListAsync());
        Assert.Equal(
            new[] { $"referral:{late.ReferralId}:accepted", $"referral:{fresh.ReferralId}:accepted", $"referral:{fresh.ReferralId}:requested" }.Order(),
            keys.Order());
        var tracked = await host.InDbAsync(db => db.TrackedReferrals.AsNoTracking()
            .Where(r => r.ReferralId == late.ReferralId || r.ReferralId == fresh.ReferralId).ToListAsync());
        Assert.All(tracked, r => Assert.Equal((2L, "accepted", false, true), (r.Version, r.Status, r.Accept.IsOpen, r.CounterReferral.IsOpen)));

        await host.InboxWithAsync(origin, 2);
        await host.InboxWithAsync(destination, 1);
        await Task.Delay(1000);
        Assert.Equal(2, (await host.InboxAsync(origin, "?status=all")).Total);
        Assert.Equal([$"/referencias/{fresh.ReferralId}"], (await host.InboxAsync(destination, "?status=all")).Items.Select(n => n.Link));
    }

    private Task PublishAsync(object message, Guid id) =>
        host.Bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context => context.MessageId = id));

    private Task<int> InboxRowsAsync(Guid[] ids) => host.InDbAsync(db => db.Database
        .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM inbox_messages WHERE "MessageId" = ANY({ids})""")
        .SingleAsync());
}
