namespace Boards.Referrals.Features.PersonRecord;

/// <summary>
/// The person's record (REST JSON; gRPC <c>PersonRecord</c>): every retained referral with the anchor's person key,
/// newest first, at most <see cref="PersonRecordHandler.MaxReferrals"/>. <see cref="Person"/> is the person as the
/// anchor referral records it.
/// </summary>
public sealed record PersonRecordView(
    string PersonKey,
    Guid AnchorReferralId,
    Person Person,
    PersonData PersonData,
    IReadOnlyList<PersonRecordEntry> Referrals,
    bool Truncated,
    int TotalCount);

/// <summary>
/// One referral of the person's record: where it went, how it ended and who answered, without its free texts (the
/// referral itself has them). <see cref="AnsweredBy"/> is who accepted or rejected it; <see cref="CounterReferredBy"/>
/// who answered the counter-referral.
/// </summary>
public sealed record PersonRecordEntry(
    Guid Id,
    ReferralStatus Status,
    Priority Priority,
    string ServiceCode,
    string NeedCategory,
    string MunicipalityCode,
    string DestinationMunicipalityCode,
    string OriginInstitution,
    string DestinationInstitution,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    Outcome? Outcome,
    bool? Attended,
    string? CounterReferredBy,
    RejectionReason? RejectionReason,
    CancellationReason? CancellationReason,
    Person Person,
    PersonData PersonData)
{
    public static PersonRecordEntry From(Referral r, PersonData shown)
    {
        var answer = r.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .FirstOrDefault(h => h.To is ReferralStatus.Accepted or ReferralStatus.Rejected);
        return new(
            r.Id, r.Status, r.Priority, r.ServiceCode, r.NeedCategory, r.MunicipalityCode, r.DestinationMunicipalityCode,
            r.OriginInstitution, r.DestinationInstitution, r.CreatedAt, r.AcceptedAt, r.ClosedAt, answer?.Actor, answer?.At,
            r.CounterReferral?.Outcome, r.CounterReferral?.Attended, r.CounterReferral?.AnsweredBy,
            r.Rejection?.Reason, r.Cancellation?.Reason, PersonDisclosure.Person(r, shown), shown);
    }
}
