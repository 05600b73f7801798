namespace Boards.Referrals.Features.Common;

/// <summary>How much of the person a reply shows.</summary>
public enum PersonData
{
    /// <summary>Everything: the parties of the referral, or a reader who stated a reason.</summary>
    Full = 1,

    /// <summary>Initials, no document, phone or birth date: a ministry reader who gave no reason.</summary>
    Masked,

    /// <summary>Nothing is left to show: the retention sweep removed it.</summary>
    Anonymised,
}

/// <summary>
/// Decides what a caller sees of the person (docs/security.md, "Minimisation"). The parties of a referral need the
/// whole record to serve the person; the ministry reads to monitor, so it sees initials unless it states a reason,
/// which the read audit keeps.
/// </summary>
public static class PersonDisclosure
{
    public static PersonData For(Caller caller, Referral referral, bool reasonGiven) =>
        referral.AnonymisedAt is not null ? PersonData.Anonymised
        : reasonGiven || ReferralAccess.CanActAsOrigin(caller, referral) || ReferralAccess.CanActAsDestination(caller, referral) ? PersonData.Full
        : PersonData.Masked;

    public static Person Person(Referral referral, PersonData shown) =>
        shown == PersonData.Masked ? referral.Person.Masked() : referral.Person;

    public static Consent Consent(Referral referral, PersonData shown) =>
        shown == PersonData.Masked ? referral.Consent with { GivenBy = null } : referral.Consent;
}
