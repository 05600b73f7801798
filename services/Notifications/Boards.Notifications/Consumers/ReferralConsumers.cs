using Boards.BuildingBlocks.Inbox;
using Boards.Notifications.Features.Announce;
using Boards.Notifications.Features.Deadlines;
using Boards.Referrals.Contracts.Events;
using MassTransit;

namespace Boards.Notifications.Consumers;

/// <summary>
/// A new referral: its officers hear of it, and its acceptance deadline starts its chain. A request that arrives after
/// the referral's answer (two relays can reorder them) is old news: nobody is asked to accept what is already answered.
/// </summary>
public sealed class ReferralRequestedConsumer(NotificationsDbContext db, TimeProvider clock, ReferralAnnouncements announcements, DeadlineTracker deadlines)
    : IdempotentConsumer<ReferralRequested, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralRequestedConsumer";

    protected override async Task HandleAsync(ReferralRequested message, ConsumeContext<ReferralRequested> context)
    {
        if (await deadlines.RequestedAsync(message, context.CancellationToken))
        {
            await announcements.ReceivedAsync(message, context.CancellationToken);
        }
    }
}

/// <summary>Accepted: the origin hears it; the acceptance chain ends and the counter-referral chain starts.</summary>
public sealed class ReferralAcceptedConsumer(NotificationsDbContext db, TimeProvider clock, ReferralAnnouncements announcements, DeadlineTracker deadlines)
    : IdempotentConsumer<ReferralAccepted, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralAcceptedConsumer";

    protected override async Task HandleAsync(ReferralAccepted message, ConsumeContext<ReferralAccepted> context)
    {
        await deadlines.AcceptedAsync(message, context.CancellationToken);
        await announcements.AcceptedAsync(message, context.CancellationToken);
    }
}

/// <summary>Rejected: the origin hears it with the reason; nothing is due any more.</summary>
public sealed class ReferralRejectedConsumer(NotificationsDbContext db, TimeProvider clock, ReferralAnnouncements announcements, DeadlineTracker deadlines)
    : IdempotentConsumer<ReferralRejected, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralRejectedConsumer";

    protected override async Task HandleAsync(ReferralRejected message, ConsumeContext<ReferralRejected> context)
    {
        await deadlines.ClosedAsync(message, context.CancellationToken);
        await announcements.RejectedAsync(message, context.CancellationToken);
    }
}

/// <summary>Counter-referred: the origin hears how it ended; the loop is closed.</summary>
public sealed class ReferralCounterReferredConsumer(
    NotificationsDbContext db, TimeProvider clock, ReferralAnnouncements announcements, DeadlineTracker deadlines)
    : IdempotentConsumer<ReferralCounterReferred, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralCounterReferredConsumer";

    protected override async Task HandleAsync(ReferralCounterReferred message, ConsumeContext<ReferralCounterReferred> context)
    {
        await deadlines.ClosedAsync(message, context.CancellationToken);
        await announcements.CounterReferredAsync(message, context.CancellationToken);
    }
}

/// <summary>Cancelled by the origin: nobody needs telling, but its deadlines stop.</summary>
public sealed class ReferralCancelledConsumer(NotificationsDbContext db, TimeProvider clock, DeadlineTracker deadlines)
    : IdempotentConsumer<ReferralCancelled, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralCancelledConsumer";

    protected override Task HandleAsync(ReferralCancelled message, ConsumeContext<ReferralCancelled> context) =>
        deadlines.ClosedAsync(message, context.CancellationToken);
}

/// <summary>Referrals' own overdue sweep: the destination's officers hear it now (once, whichever of the two sweeps is first).</summary>
public sealed class ReferralOverdueConsumer(NotificationsDbContext db, TimeProvider clock, DeadlineTracker deadlines)
    : IdempotentConsumer<ReferralOverdue, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "ReferralOverdueConsumer";

    protected override Task HandleAsync(ReferralOverdue message, ConsumeContext<ReferralOverdue> context) =>
        deadlines.OverdueAsync(message, context.CancellationToken);
}
