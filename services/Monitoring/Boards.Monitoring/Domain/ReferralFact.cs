namespace Boards.Monitoring.Domain;

/// <summary>
/// One referral as monitoring sees it, built only from events. Events may arrive late, out of order or twice:
/// a status is taken only from a newer version, and milestones (accepted, counter-referred) are kept once known.
/// </summary>
public sealed class ReferralFact
{
    private ReferralFact()
    {
        MunicipalityCode = "";
        NeedCategory = "";
    }

    public Guid ReferralId { get; private set; }

    /// <summary>The ORIGIN municipality: referrals are counted where they were sent from.</summary>
    public string MunicipalityCode { get; private set; }

    public ReferralStatus Status { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the referral was accepted, from the ReferralAccepted event; never inferred from a later status.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>When the counter-referral closed the loop (ReferralCounterReferred.OccurredAt).</summary>
    public DateTimeOffset? CounterReferredAt { get; private set; }

    /// <summary>The current deadline was missed. Cleared when the referral leaves "requested" (accept deadline) or closes; never set on a final status.</summary>
    public bool Overdue { get; private set; }

    /// <summary>The need category (trimmed, lower case), the same on every event of a referral.</summary>
    public string NeedCategory { get; private set; }

    /// <summary>The reason of the ReferralRejected event (early warnings, rule 2).</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>OccurredAt of the ReferralRejected event (the earliest, if it came twice).</summary>
    public DateTimeOffset? RejectedAt { get; private set; }

    /// <summary>OccurredAt of the latest ReferralOverdue applied (early warnings, rule 1); kept when the flag clears.</summary>
    public DateTimeOffset? OverdueAt { get; private set; }

    public bool IsOpen => Status.IsOpen();

    /// <summary>Open and past a deadline now: what the overdue count counts.</summary>
    public bool IsOverdueNow => IsOpen && Overdue;

    /// <summary>The first event seen for a referral, whichever it is.</summary>
    public static ReferralFact Start(ReferralChange change)
    {
        var fact = new ReferralFact
        {
            ReferralId = change.ReferralId,
            MunicipalityCode = change.MunicipalityCode,
            Status = change.Status,
            Version = change.Version,
            CreatedAt = change.CreatedAt,
        };
        fact.Apply(change);
        return fact;
    }

    /// <summary>Applies one event; returns whether the fact changed. Applying the same event again changes nothing.</summary>
    public bool Apply(ReferralChange change)
    {
        if (change.ReferralId != ReferralId)
        {
            throw new ArgumentException($"The change is for referral {change.ReferralId}, not {ReferralId}.", nameof(change));
        }

        var changed = RecordMilestones(change);
        if (NeedCategory.Length == 0 && change.NeedCategory.Length > 0)
        {
            NeedCategory = change.NeedCategory;
            changed = true;
        }

        if (change.Kind == ReferralChangeKind.Overdue)
        {
            // The sweep raises it for the version it saw; a newer status has already moved on from that deadline.
            if (change.Version < Version)
            {
                return changed;
            }

            changed |= MoveTo(change.Status, change.Version);
            if (OverdueAt is null || change.OccurredAt > OverdueAt)
            {
                OverdueAt = change.OccurredAt;
                changed = true;
            }

            var overdue = !Status.IsFinal();
            changed |= overdue != Overdue;
            Overdue = overdue;
            return changed;
        }

        if (change.Version > Version)
        {
            // Leaving "requested" leaves the accept deadline behind; the counter-referral deadline then runs through
            // accepted, in progress and on hold until the loop closes, so only a final status clears it.
            var leavesAcceptDeadline = Status == ReferralStatus.Requested && change.Status != ReferralStatus.Requested;
            changed |= MoveTo(change.Status, change.Version);
            if (leavesAcceptDeadline || Status.IsFinal())
            {
                changed |= Overdue;
                Overdue = false;
            }
        }

        return changed;
    }

    private bool MoveTo(ReferralStatus status, long version)
    {
        if (version == Version && status == Status)
        {
            return false;
        }

        Status = status;
        Version = version;
        return true;
    }

    private bool RecordMilestones(ReferralChange change)
    {
        switch (change.Kind)
        {
            case ReferralChangeKind.Accepted when AcceptedAt is null || change.OccurredAt < AcceptedAt:
                AcceptedAt = change.OccurredAt;
                return true;
            case ReferralChangeKind.Rejected when RejectedAt is null || change.OccurredAt < RejectedAt:
                RejectedAt = change.OccurredAt;
                RejectionReason = change.Reason?.Trim().ToLowerInvariant();
                return true;
            case ReferralChangeKind.CounterReferred when CounterReferredAt is null || change.OccurredAt < CounterReferredAt:
                CounterReferredAt = change.OccurredAt;
                return true;
            default:
                return false;
        }
    }
}
