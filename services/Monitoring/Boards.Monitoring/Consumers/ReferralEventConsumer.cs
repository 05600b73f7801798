using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Referrals.Contracts.Events;
using MassTransit;
using Boards.Monitoring.Features.IndicatorsSignal;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Folds one referral event into the referral's fact, and the fact's change into its municipality's totals in the same
/// transaction. The inbox (base class) drops a message id seen before; the fact's version rules make late and
/// out-of-order events harmless, and the totals move by the fact's difference, so they follow the same rules.
/// </summary>
public abstract class ReferralEventConsumer<TEvent>(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed)
    : ReadModelConsumer<TEvent>(db, clock, changed)
    where TEvent : ReferralEvent
{
    protected abstract ReferralChangeKind Kind { get; }

    protected override async Task<string?> ApplyAsync(TEvent message, ConsumeContext<TEvent> context)
    {
        var change = ReferralEventMapping.ToChange(message, Kind);
        var cancellationToken = context.CancellationToken;

        // A referral's first event is almost always ReferralRequested: it tries the insert straight away, one round trip
        // less than reading first. Any other event, or a Requested that arrived after a later event, reads and locks.
        var fact = Kind == ReferralChangeKind.Requested ? null : await Db.LockFactAsync(change.ReferralId, cancellationToken);
        if (fact is null)
        {
            var started = ReferralFact.Start(change);
            if (await Db.TryInsertFactAsync(started, cancellationToken))
            {
                await Db.MoveTotalsAsync(FactMovement.Between(null, started), cancellationToken);
                return change.MunicipalityCode;
            }

            fact = await Db.LockFactAsync(change.ReferralId, cancellationToken)
                   ?? throw new InvalidOperationException($"Referral fact {change.ReferralId} vanished after a concurrent insert.");
        }

        var before = FactState.Of(fact);
        if (!fact.Apply(change))
        {
            return null;
        }

        await Db.MoveTotalsAsync(FactMovement.Between(before, fact), cancellationToken);
        return fact.MunicipalityCode;
    }
}

public static class ReferralEventMapping
{
    /// <summary>
    /// Reads what monitoring needs from a referral event: codes normalized, times in UTC. An event without an origin
    /// municipality or with an unknown status breaks the contract: it fails, is retried, then waits in the error queue.
    /// </summary>
    public static ReferralChange ToChange(ReferralEvent message, ReferralChangeKind kind)
    {
        var municipality = MunicipalityCodes.Normalize(message.MunicipalityCode);
        if (municipality.Length == 0)
        {
            throw new InvalidOperationException($"{message.GetType().Name} for referral {message.ReferralId} has no origin municipality.");
        }

        return new ReferralChange(
            kind,
            message.ReferralId,
            municipality,
            ReferralStatuses.Parse(message.Status),
            message.Version,
            message.CreatedAt.ToUniversalTime(),
            message.OccurredAt.ToUniversalTime(),
            message.NeedCategory?.Trim().ToLowerInvariant() ?? "",
            (message as ReferralRejected)?.Reason);
    }
}

public sealed class ReferralRequestedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralRequested>(db, clock, changed)
{
    protected override string InboxName => "ReferralRequestedConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.Requested;
}

public sealed class ReferralAcceptedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralAccepted>(db, clock, changed)
{
    protected override string InboxName => "ReferralAcceptedConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.Accepted;
}

public sealed class ReferralRejectedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralRejected>(db, clock, changed)
{
    protected override string InboxName => "ReferralRejectedConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.Rejected;
}

public sealed class ReferralStartedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralStarted>(db, clock, changed)
{
    protected override string InboxName => "ReferralStartedConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.Started;
}

public sealed class ReferralPutOnHoldConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralPutOnHold>(db, clock, changed)
{
    protected override string InboxName => "ReferralPutOnHoldConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.PutOnHold;
}

public sealed class ReferralResumedConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralResumed>(db, clock, changed)
{
    protected override string InboxName => "ReferralResumedConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.Resumed;
}

public sealed class ReferralCounterReferredConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralCounterReferred>(db, clock, changed)
{
    protected override string InboxName => "ReferralCounterReferredConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.CounterReferred;
}

public sealed class ReferralCancelledConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralCancelled>(db, clock, changed)
{
    protected override string InboxName => "ReferralCancelledConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.Cancelled;
}

public sealed class ReferralOverdueConsumer(MonitoringDbContext db, TimeProvider clock, ChangedMunicipalities changed) : ReferralEventConsumer<ReferralOverdue>(db, clock, changed)
{
    protected override string InboxName => "ReferralOverdueConsumer";

    protected override ReferralChangeKind Kind => ReferralChangeKind.Overdue;
}
