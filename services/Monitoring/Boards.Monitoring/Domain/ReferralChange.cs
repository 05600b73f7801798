namespace Boards.Monitoring.Domain;

/// <summary>Which referral event was observed; one kind per integration event of the referrals service.</summary>
public enum ReferralChangeKind
{
    Requested,
    Accepted,
    Rejected,
    Started,
    PutOnHold,
    Resumed,
    CounterReferred,
    Cancelled,
    /// <summary>A deadline was missed. It does not change the referral's status or version.</summary>
    Overdue,
}

/// <summary>
/// What one referral event tells the read model. Status and Version are the referral's after the change, so changes
/// can be applied in any order. Times are UTC.
/// </summary>
public sealed record ReferralChange(
    ReferralChangeKind Kind,
    Guid ReferralId,
    string MunicipalityCode,
    ReferralStatus Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset OccurredAt,
    string NeedCategory = "",
    string? Reason = null);
