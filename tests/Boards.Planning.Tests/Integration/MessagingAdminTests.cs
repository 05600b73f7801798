using System.Net;
using Boards.BuildingBlocks.Messaging;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using MassTransit;

namespace Boards.Planning.Tests.Integration;

/// <summary>
/// A message Planning's consumer cannot handle is retried, redelivered, then parked; ministry-admin lists it under
/// /api/plans/messaging and replays it (and the outbox's events set aside). Nobody else may: 403, or 401 without a token.
/// </summary>
public sealed class MessagingAdminTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    private const string Parked = "/api/plans/messaging/parked";
    private const string Outbox = "/api/plans/messaging/outbox";

    [Fact]
    public async Task A_message_that_keeps_failing_is_parked_listed_for_ministry_admin_only_and_replayed_through_its_consumer()
    {
        // A municipality without a code breaks the contract: the replica's consumer refuses it every time.
        var messageId = Guid.NewGuid();
        await host.Bus.Publish(new MunicipalityRegistered
        {
            Code = " ", Name = "Sin código", Department = "Guairá", DepartmentNumber = 4, Status = "pilot-2021", OccurredAt = DateTimeOffset.UtcNow,
        }, Pipe.Execute<PublishContext<MunicipalityRegistered>>(context => context.MessageId = messageId));
        await PlanningHost.WaitUntilAsync(async () => (await RowAsync(messageId))?.ParkedAt is not null, "the message parked after its redelivery");

        using var admin = host.Client(host.Admin());
        var listed = await (await admin.GetAsync(Parked)).JsonAsync(HttpStatusCode.OK);
        var item = listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("messageId").GetGuid() == messageId);
        Assert.Equal(("MunicipalityRegistered", "parked", host.ReceiveEndpoint), (item.Str("messageType"), item.Str("status"), item.Str("queue")));
        Assert.Equal((2, 1), (item.Int("failures"), item.Int("redeliveries")));
        Assert.Contains("without a code", item.Str("lastError"));
        Assert.False(item.TryGetProperty("payload", out _), "The message's content is not shown.");
        Assert.True(listed.Int("parked") >= 1);

        foreach (var token in new[] { host.FocalPoint("alto-vera"), host.Analyst(), host.Integrator() })
        {
            using var other = host.Client(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Parked)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"{Parked}/{item.Id()}/replay", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"{Outbox}/replay", null)).StatusCode);
        }

        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Parked)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Parked}/replay", null)).StatusCode);

        var unknown = await (await admin.PostAsync($"{Parked}/{Guid.NewGuid()}/replay", null)).JsonAsync(HttpStatusCode.NotFound);
        Assert.StartsWith("No hay un mensaje apartado", unknown.Str("detail"));

        // Replayed: it goes through the consumer again (which refuses it again, so it is parked again, one redelivery later).
        var replayed = await (await admin.PostAsync($"{Parked}/{item.Id()}/replay", null)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, replayed.Int("replayed"));
        await PlanningHost.WaitUntilAsync(async () => (await RowAsync(messageId)) is { Failures: 3, ParkedAt: not null }, "the replay to fail and be parked again");
        Assert.Equal(2, (await RowAsync(messageId))!.Redeliveries);

        var all = await (await admin.PostAsync($"{Parked}/replay", null)).JsonAsync(HttpStatusCode.Accepted);
        Assert.True(all.Int("replayed") >= 1);
    }

    [Fact]
    public async Task An_outbox_event_set_aside_is_listed_and_replayed_to_the_relay_by_ministry_admin()
    {
        var id = Guid.CreateVersion7();
        await host.InScopeAsync(db =>
        {
            // An event whose contract is gone: the relay sets it aside again after a replay, and says why.
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Id = id, MessageType = "Boards.Gone.Removed, Boards.Gone", Payload = "{}", OccurredAt = DateTimeOffset.UtcNow,
                DeadLetteredAt = DateTimeOffset.UtcNow.AddHours(-1), Attempts = 0, LastError = "Unknown message type Boards.Gone.Removed, Boards.Gone.",
            });
            return db.SaveChangesAsync();
        });

        using var admin = host.Client(host.Admin());
        var listed = await (await admin.GetAsync(Outbox)).JsonAsync(HttpStatusCode.OK);
        var item = listed.GetProperty("items").EnumerateArray().Single(i => i.Id() == id);
        Assert.Equal("Removed", item.Str("messageType"));
        Assert.Contains("Unknown message type", item.Str("lastError"));

        Assert.Equal(1, (await (await admin.PostAsync($"{Outbox}/{id}/replay", null)).JsonAsync(HttpStatusCode.Accepted)).Int("replayed"));
        var replayedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await PlanningHost.WaitUntilAsync(
            () => host.InScopeAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == id && m.DeadLetteredAt > replayedAt)),
            "the relay to take the replayed event and set it aside again");

        var unknown = await (await admin.PostAsync($"{Outbox}/{Guid.NewGuid()}/replay", null)).JsonAsync(HttpStatusCode.NotFound);
        Assert.StartsWith("No hay un evento apartado", unknown.Str("detail"));
        using var focal = host.Client(host.FocalPoint("alto-vera"));
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync(Outbox)).StatusCode);
    }

    private Task<ParkedMessage?> RowAsync(Guid messageId) =>
        host.InScopeAsync(db => db.Set<ParkedMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == messageId));
}
