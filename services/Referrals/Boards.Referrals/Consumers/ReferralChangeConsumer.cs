using Boards.Referrals.Contracts.Events;
using Boards.Referrals.Features.WatchReferrals;
using MassTransit;

namespace Boards.Referrals.Consumers;

/// <summary>
/// Feeds this replica's WatchReferrals streams from the bus: every referral change the outbox publishes, whichever
/// replica committed it, reaches this replica's own queue (<see cref="ReferralWatchQueue"/>), which is there only while
/// someone on the replica watches. The event carries no personal data, so the referral is read as it is now, once per
/// event for all of this replica's watchers, and only while someone watches (the queue outlives the last watcher by a
/// few seconds). ReferralOverdue is not a change of the referral (no new version) and was never watched.
/// </summary>
/// <remarks>
/// Not an IdempotentConsumer: the inbox is shared by the replicas and would let only one of them see each event. A
/// redelivered event reads the same version again, which the streams do not send twice.
/// </remarks>
public sealed partial class ReferralChangeConsumer(ReferralsDbContext db, ReferralChangeFeed feed, ILogger<ReferralChangeConsumer> logger) :
    IConsumer<ReferralRequested>,
    IConsumer<ReferralAccepted>,
    IConsumer<ReferralRejected>,
    IConsumer<ReferralStarted>,
    IConsumer<ReferralPutOnHold>,
    IConsumer<ReferralResumed>,
    IConsumer<ReferralCounterReferred>,
    IConsumer<ReferralCancelled>
{
    public Task Consume(ConsumeContext<ReferralRequested> context) => RelayAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ReferralAccepted> context) => RelayAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ReferralRejected> context) => RelayAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ReferralStarted> context) => RelayAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ReferralPutOnHold> context) => RelayAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ReferralResumed> context) => RelayAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ReferralCounterReferred> context) => RelayAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ReferralCancelled> context) => RelayAsync(context.Message, context.CancellationToken);

    private async Task RelayAsync(ReferralEvent change, CancellationToken cancellationToken)
    {
        if (!feed.HasWatchers)
        {
            return;
        }

        try
        {
            // Null for a referral of another database on the same broker (another environment, or a test's host).
            var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == change.ReferralId, cancellationToken);
            if (referral is not null)
            {
                feed.Publish(referral);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Retrying would hold back every later change; the watchers resume with since instead of missing this one.
            LogReadFailed(logger, exception, change.ReferralId);
            feed.EndAll();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read referral {ReferralId} for the watchers; their streams end and resume with since")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, Guid referralId);
}
