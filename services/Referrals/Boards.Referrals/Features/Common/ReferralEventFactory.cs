using Boards.Referrals.Contracts.Events;

namespace Boards.Referrals.Features.Common;

/// <summary>Builds the integration event for a referral's latest change. No personal data leaves: only the person key.</summary>
public static class ReferralEventFactory
{
    public static ReferralEvent ForLatestChange(Referral referral, DateTimeOffset now)
    {
        var latest = referral.History[^1];
        ReferralEvent specific = referral.Status switch
        {
            ReferralStatus.Requested => new ReferralRequested
            {
                PreviousReferralId = referral.PreviousReferralId,
                AcceptBy = referral.AcceptBy,
                ConsentOverridden = referral.Consent.Overridden,
                AvailabilityVerified = referral.Availability is { } check ? check.Verification == AvailabilityVerification.Verified : null,
                Waitlisted = referral.Availability?.Waitlisted,
                CapacityStatus = referral.Availability?.CapacityStatus,
            },
            ReferralStatus.Accepted => new ReferralAccepted { CounterReferBy = referral.CounterReferBy!.Value },
            ReferralStatus.Rejected => new ReferralRejected { Reason = Codes.Of(referral.Rejection!.Reason) },
            ReferralStatus.InProgress when latest.From == ReferralStatus.OnHold => new ReferralResumed(),
            ReferralStatus.InProgress => new ReferralStarted(),
            ReferralStatus.OnHold => new ReferralPutOnHold(),
            ReferralStatus.Completed or ReferralStatus.Failed => new ReferralCounterReferred
            {
                Attended = referral.CounterReferral!.Attended,
                Outcome = Codes.Of(referral.CounterReferral.Outcome),
                ServicesDelivered = referral.CounterReferral.ServicesDelivered.ToArray(),
                FollowUpRecommended = referral.CounterReferral.FollowUpRecommended,
            },
            ReferralStatus.Cancelled => new ReferralCancelled { Reason = Codes.Of(referral.Cancellation!.Reason) },
            _ => throw new InvalidOperationException($"No event for status {referral.Status}."),
        };
        return Fill(specific, referral, latest.Actor, now);
    }

    public static ReferralEvent Overdue(Referral referral, string deadline, DateTimeOffset dueAt, DateTimeOffset now) =>
        Fill(new ReferralOverdue { Deadline = deadline, DueAt = dueAt }, referral, "sistema", now);

    private static ReferralEvent Fill(ReferralEvent specific, Referral referral, string actor, DateTimeOffset now) => specific with
    {
        ReferralId = referral.Id,
        MunicipalityCode = referral.MunicipalityCode,
        DestinationMunicipalityCode = referral.DestinationMunicipalityCode,
        OriginInstitution = referral.OriginInstitution,
        DestinationInstitution = referral.DestinationInstitution,
        ServiceCode = referral.ServiceCode,
        NeedCategory = referral.NeedCategory,
        Priority = Codes.Of(referral.Priority),
        PersonKey = referral.PersonKey,
        Status = StatusNames.Code(referral.Status),
        Version = referral.Version,
        CreatedAt = referral.CreatedAt,
        OccurredAt = now,
        Actor = actor,
    };
}
