using Boards.BuildingBlocks.Inbox;
using MassTransit;

namespace Boards.BuildingBlocks.Tests.Data;

/// <summary>An idempotent consumer as a service writes one: records the side effect, and fails on demand.</summary>
public sealed class ThingHappenedConsumer(TestDbContext db, TimeProvider clock, Probe probe)
    : IdempotentConsumer<ThingHappened, TestDbContext>(db, clock)
{
    protected override string InboxName => "ThingHappenedConsumer";

    protected override Task HandleAsync(ThingHappened message, ConsumeContext<ThingHappened> context)
    {
        if (message.RunId != probe.RunId)
        {
            return Task.CompletedTask; // another test's event on the shared exchange
        }

        var messageId = context.MessageId!.Value;
        var attempt = probe.RecordAttempt(messageId);
        Db.HandledThings.Add(new HandledThing { MessageId = messageId, ThingId = message.ThingId, Sequence = message.Sequence });
        if (attempt <= message.FailTimes)
        {
            throw new InvalidOperationException($"Simulated failure {attempt} of {message.FailTimes} for {messageId}.");
        }

        return Task.CompletedTask;
    }
}
