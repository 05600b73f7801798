using Boards.BuildingBlocks.Inbox;

namespace Boards.BuildingBlocks.Tests.Data;

/// <summary>
/// <see cref="ThingHappenedConsumer"/> as a batch consumer: records the side effect through the context it is given (a
/// batch's or its own), and fails on demand until the probe says the message is healed. Every call is an attempt.
/// </summary>
public sealed class BatchedThingConsumer(TestDbContext db, TimeProvider clock, InboxBatches<TestDbContext> batches, Probe probe)
    : IdempotentBatchConsumer<ThingHappened, TestDbContext>(db, clock, batches)
{
    protected override string InboxName => "ThingHappenedConsumer";

    protected override Task HandleAsync(TestDbContext db, ThingHappened message, Guid messageId, CancellationToken cancellationToken)
    {
        if (message.RunId != probe.RunId)
        {
            return Task.CompletedTask; // another test's event on the shared exchange
        }

        var attempt = probe.RecordAttempt(messageId);
        db.HandledThings.Add(new HandledThing { MessageId = messageId, ThingId = message.ThingId, Sequence = message.Sequence });
        if (attempt <= message.FailTimes && !probe.IsHealed(messageId))
        {
            throw new InvalidOperationException($"Simulated failure {attempt} of {message.FailTimes} for {messageId}.");
        }

        return Task.CompletedTask;
    }
}
