using Boards.BuildingBlocks.Inbox;
using Boards.Notifications.Features.ReferralEvents;
using Boards.Referrals.Contracts.Events;

namespace Boards.Notifications.Consumers;

// The referral events are handled in batches (docs/messaging.md, "Batches"): Prepare notes, before the first handler of a
// batch runs, the tracked row and the announcement keys each event's handler will look up, so the batch reads them once.

/// <summary>
/// A new referral: its officers hear of it, and its acceptance deadline starts its chain. A request that arrives after
/// the referral's answer (two relays can reorder them) is old news: nobody is asked to accept what is already answered.
/// </summary>
public sealed class ReferralRequestedConsumer(NotificationsDbContext db, TimeProvider clock, InboxBatches<NotificationsDbContext> batches, ReferralEventWorks works)
    : IdempotentBatchConsumer<ReferralRequested, NotificationsDbContext>(db, clock, batches)
{
    protected override string InboxName => "ReferralRequestedConsumer";

    protected override void Prepare(NotificationsDbContext db, ReferralRequested message)
    {
        var work = works.For(db);
        work.Deadlines.Expect(message.ReferralId);
        work.Announcements.ExpectReceived(message);
    }

    protected override async Task HandleAsync(NotificationsDbContext db, ReferralRequested message, Guid messageId, CancellationToken cancellationToken)
    {
        var work = works.For(db);
        if (await work.Deadlines.RequestedAsync(message, cancellationToken))
        {
            await work.Announcements.ReceivedAsync(message, cancellationToken);
        }
    }
}

/// <summary>Accepted: the origin hears it; the acceptance chain ends and the counter-referral chain starts.</summary>
public sealed class ReferralAcceptedConsumer(NotificationsDbContext db, TimeProvider clock, InboxBatches<NotificationsDbContext> batches, ReferralEventWorks works)
    : IdempotentBatchConsumer<ReferralAccepted, NotificationsDbContext>(db, clock, batches)
{
    protected override string InboxName => "ReferralAcceptedConsumer";

    protected override void Prepare(NotificationsDbContext db, ReferralAccepted message)
    {
        var work = works.For(db);
        work.Deadlines.Expect(message.ReferralId);
        work.Announcements.ExpectAccepted(message);
    }

    protected override async Task HandleAsync(NotificationsDbContext db, ReferralAccepted message, Guid messageId, CancellationToken cancellationToken)
    {
        var work = works.For(db);
        await work.Deadlines.AcceptedAsync(message, cancellationToken);
        await work.Announcements.AcceptedAsync(message, cancellationToken);
    }
}

/// <summary>Rejected: the origin hears it with the reason; nothing is due any more.</summary>
public sealed class ReferralRejectedConsumer(NotificationsDbContext db, TimeProvider clock, InboxBatches<NotificationsDbContext> batches, ReferralEventWorks works)
    : IdempotentBatchConsumer<ReferralRejected, NotificationsDbContext>(db, clock, batches)
{
    protected override string InboxName => "ReferralRejectedConsumer";

    protected override void Prepare(NotificationsDbContext db, ReferralRejected message)
    {
        var work = works.For(db);
        work.Deadlines.Expect(message.ReferralId);
        work.Announcements.ExpectRejected(message);
    }

    protected override async Task HandleAsync(NotificationsDbContext db, ReferralRejected message, Guid messageId, CancellationToken cancellationToken)
    {
        var work = works.For(db);
        await work.Deadlines.ClosedAsync(message, cancellationToken);
        await work.Announcements.RejectedAsync(message, cancellationToken);
    }
}

/// <summary>Counter-referred: the origin hears how it ended; the loop is closed.</summary>
public sealed class ReferralCounterReferredConsumer(
    NotificationsDbContext db, TimeProvider clock, InboxBatches<NotificationsDbContext> batches, ReferralEventWorks works)
    : IdempotentBatchConsumer<ReferralCounterReferred, NotificationsDbContext>(db, clock, batches)
{
    protected override string InboxName => "ReferralCounterReferredConsumer";

    protected override void Prepare(NotificationsDbContext db, ReferralCounterReferred message)
    {
        var work = works.For(db);
        work.Deadlines.Expect(message.ReferralId);
        work.Announcements.ExpectCounterReferred(message);
    }

    protected override async Task HandleAsync(NotificationsDbContext db, ReferralCounterReferred message, Guid messageId, CancellationToken cancellationToken)
    {
        var work = works.For(db);
        await work.Deadlines.ClosedAsync(message, cancellationToken);
        await work.Announcements.CounterReferredAsync(message, cancellationToken);
    }
}

/// <summary>Cancelled by the origin: nobody needs telling, but its deadlines stop.</summary>
public sealed class ReferralCancelledConsumer(NotificationsDbContext db, TimeProvider clock, InboxBatches<NotificationsDbContext> batches, ReferralEventWorks works)
    : IdempotentBatchConsumer<ReferralCancelled, NotificationsDbContext>(db, clock, batches)
{
    protected override string InboxName => "ReferralCancelledConsumer";

    protected override void Prepare(NotificationsDbContext db, ReferralCancelled message) => works.For(db).Deadlines.Expect(message.ReferralId);

    protected override Task HandleAsync(NotificationsDbContext db, ReferralCancelled message, Guid messageId, CancellationToken cancellationToken) =>
        works.For(db).Deadlines.ClosedAsync(message, cancellationToken);
}

/// <summary>Referrals' own overdue sweep: the destination's officers hear it now (once, whichever of the two sweeps is first).</summary>
public sealed class ReferralOverdueConsumer(NotificationsDbContext db, TimeProvider clock, InboxBatches<NotificationsDbContext> batches, ReferralEventWorks works)
    : IdempotentBatchConsumer<ReferralOverdue, NotificationsDbContext>(db, clock, batches)
{
    protected override string InboxName => "ReferralOverdueConsumer";

    protected override void Prepare(NotificationsDbContext db, ReferralOverdue message)
    {
        var work = works.For(db);
        work.Deadlines.Expect(message.ReferralId);
        work.Announcements.ExpectOverdue(message);
    }

    protected override Task HandleAsync(NotificationsDbContext db, ReferralOverdue message, Guid messageId, CancellationToken cancellationToken) =>
        works.For(db).Deadlines.OverdueAsync(message, cancellationToken);
}
