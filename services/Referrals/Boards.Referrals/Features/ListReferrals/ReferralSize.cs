namespace Boards.Referrals.Features.ListReferrals;

/// <summary>
/// An upper estimate of a referral's size in a reply: three UTF-8 bytes per character of its texts (no character of the
/// Basic Multilingual Plane takes more), plus room for its fixed fields and each history entry's.
/// </summary>
public static class ReferralSize
{
    private const int FixedFields = 1024;
    private const int PerHistoryEntry = 96;

    public static long Estimate(Referral referral)
    {
        long characters = Length(referral.Reason) + Length(referral.Person.GivenNames) + Length(referral.Person.FamilyNames) +
                          Length(referral.Person.Locality) + Length(referral.Consent.GivenBy) + Length(referral.Consent.OverrideJustification) +
                          Length(referral.Rejection?.Note) + Length(referral.Cancellation?.Note) + Length(referral.Availability?.Message) +
                          Length(referral.CounterReferral?.Notes) + Length(referral.CounterReferral?.FollowUpNote) +
                          Length(referral.CounterReferral?.AnsweredBy) + (referral.CounterReferral?.ServicesDelivered.Sum(Length) ?? 0);
        foreach (var change in referral.History)
        {
            characters += Length(change.Note) + Length(change.Actor) + PerHistoryEntry;
        }

        return FixedFields + (characters * 3);
    }

    private static int Length(string? text) => text?.Length ?? 0;
}
