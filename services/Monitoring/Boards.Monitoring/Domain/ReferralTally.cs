namespace Boards.Monitoring.Domain;

/// <summary>
/// What one referral fact adds to its municipality's totals, by the definitions of docs/monitoring.md. The totals move
/// by the difference between a fact's tally after an event and before it, so they stay the sum over every fact.
/// CounterReferred is not shown; it is how many durations the counter-referral median is taken over.
/// </summary>
public readonly record struct ReferralTally(
    int Sent,
    int Open,
    int Accepted,
    int Rejected,
    int Completed,
    int Failed,
    int Cancelled,
    int Overdue,
    int CounterReferred)
{
    /// <summary>What a referral not seen yet adds: nothing.</summary>
    public static readonly ReferralTally None = default;

    public static ReferralTally Of(ReferralFact fact) => new(
        Sent: 1,
        Open: fact.IsOpen ? 1 : 0,
        Accepted: fact.AcceptedAt is null ? 0 : 1,
        Rejected: fact.Status == ReferralStatus.Rejected ? 1 : 0,
        Completed: fact.Status == ReferralStatus.Completed ? 1 : 0,
        Failed: fact.Status == ReferralStatus.Failed ? 1 : 0,
        Cancelled: fact.Status == ReferralStatus.Cancelled ? 1 : 0,
        Overdue: fact.IsOverdueNow ? 1 : 0,
        CounterReferred: fact.CounterReferredAt is null ? 0 : 1);

    public bool IsZero => this == None;

    public static ReferralTally operator +(ReferralTally left, ReferralTally right) => new(
        left.Sent + right.Sent,
        left.Open + right.Open,
        left.Accepted + right.Accepted,
        left.Rejected + right.Rejected,
        left.Completed + right.Completed,
        left.Failed + right.Failed,
        left.Cancelled + right.Cancelled,
        left.Overdue + right.Overdue,
        left.CounterReferred + right.CounterReferred);

    public static ReferralTally operator -(ReferralTally after, ReferralTally before) => new(
        after.Sent - before.Sent,
        after.Open - before.Open,
        after.Accepted - before.Accepted,
        after.Rejected - before.Rejected,
        after.Completed - before.Completed,
        after.Failed - before.Failed,
        after.Cancelled - before.Cancelled,
        after.Overdue - before.Overdue,
        after.CounterReferred - before.CounterReferred);
}
