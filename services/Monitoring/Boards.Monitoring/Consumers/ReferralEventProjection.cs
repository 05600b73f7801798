using Boards.Referrals.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Any of the nine referral events: folds it into the referral's fact, and the fact's change into its municipality's
/// totals in the same transaction (kept until its end, and written once for every event of a batch). The fact's version rules make late and out-of-order events harmless, and the totals
/// move by the fact's difference, so they follow the same rules.
/// </summary>
public sealed class ReferralEventProjection<TEvent> : IReadModelProjection<TEvent>
    where TEvent : ReferralEvent
{
    private static readonly ReferralChangeKind Kind = ReferralEventMapping.KindOf(typeof(TEvent));

    public async Task<string?> ApplyAsync(MonitoringDbContext db, TEvent message, CancellationToken cancellationToken)
    {
        var change = ReferralEventMapping.ToChange(message, Kind);

        // A referral's first event is almost always ReferralRequested: it tries the insert straight away, one round trip
        // less than reading first. Any other event, or a Requested that arrived after a later event, reads and locks.
        var fact = Kind == ReferralChangeKind.Requested ? null : await db.LockFactAsync(change.ReferralId, cancellationToken);
        if (fact is null)
        {
            var started = ReferralFact.Start(change);
            if (await db.TryInsertFactAsync(started, cancellationToken))
            {
                db.MoveTotals(FactMovement.Between(null, started));
                return change.MunicipalityCode;
            }

            fact = await db.LockFactAsync(change.ReferralId, cancellationToken)
                   ?? throw new InvalidOperationException($"Referral fact {change.ReferralId} vanished after a concurrent insert.");
        }

        var before = FactState.Of(fact);
        if (!fact.Apply(change))
        {
            return null;
        }

        db.MoveTotals(FactMovement.Between(before, fact));
        return fact.MunicipalityCode;
    }
}

public static class ReferralEventMapping
{
    private static readonly Dictionary<Type, ReferralChangeKind> Kinds = new()
    {
        [typeof(ReferralRequested)] = ReferralChangeKind.Requested,
        [typeof(ReferralAccepted)] = ReferralChangeKind.Accepted,
        [typeof(ReferralRejected)] = ReferralChangeKind.Rejected,
        [typeof(ReferralStarted)] = ReferralChangeKind.Started,
        [typeof(ReferralPutOnHold)] = ReferralChangeKind.PutOnHold,
        [typeof(ReferralResumed)] = ReferralChangeKind.Resumed,
        [typeof(ReferralCounterReferred)] = ReferralChangeKind.CounterReferred,
        [typeof(ReferralCancelled)] = ReferralChangeKind.Cancelled,
        [typeof(ReferralOverdue)] = ReferralChangeKind.Overdue,
    };

    /// <summary>The kind of change a referral event type stands for.</summary>
    public static ReferralChangeKind KindOf(Type eventType) =>
        Kinds.TryGetValue(eventType, out var kind)
            ? kind
            : throw new ArgumentException($"{eventType.Name} is not a referral event monitoring knows.", nameof(eventType));

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
