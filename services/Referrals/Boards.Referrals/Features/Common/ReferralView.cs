namespace Boards.Referrals.Features.Common;

/// <summary>
/// A referral as the portal reads it (REST JSON, camelCase, enum codes in snake_case). <see cref="PersonData"/> says
/// whether the person is shown in full, masked (initials; no document, phone or birth date) or anonymised.
/// </summary>
public sealed record ReferralView(
    Guid Id,
    ReferralStatus Status,
    Priority Priority,
    string MunicipalityCode,
    string DestinationMunicipalityCode,
    string OriginInstitution,
    string DestinationInstitution,
    string ServiceCode,
    string NeedCategory,
    string Reason,
    Person Person,
    string PersonKey,
    Consent Consent,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset AcceptBy,
    DateTimeOffset? CounterReferBy,
    bool Overdue,
    bool DueSoon,
    Rejection? Rejection,
    Cancellation? Cancellation,
    CounterReferral? CounterReferral,
    IReadOnlyList<StatusChangeView> History,
    long Version,
    Guid? PreviousReferralId,
    AvailabilityCheck? Availability,
    PersonData PersonData,
    DateTimeOffset? AnonymisedAt)
{
    public static ReferralView From(Referral r, DateTimeOffset now, DeadlinePolicy deadlines, PersonData shown) => new(
        r.Id, r.Status, r.Priority, r.MunicipalityCode, r.DestinationMunicipalityCode, r.OriginInstitution,
        r.DestinationInstitution, r.ServiceCode, r.NeedCategory, r.Reason, PersonDisclosure.Person(r, shown), r.PersonKey,
        PersonDisclosure.Consent(r, shown),
        r.CreatedAt, r.CreatedBy, r.AcceptBy, r.CounterReferBy, r.IsOverdue(now), r.IsDueSoon(now, deadlines),
        r.Rejection, r.Cancellation, r.CounterReferral,
        r.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new StatusChangeView(h.From, h.To, h.Actor, h.At, h.Note)).ToList(),
        r.Version, r.PreviousReferralId, r.Availability, shown, r.AnonymisedAt);
}

public sealed record StatusChangeView(ReferralStatus? From, ReferralStatus To, string Actor, DateTimeOffset At, string? Note);
