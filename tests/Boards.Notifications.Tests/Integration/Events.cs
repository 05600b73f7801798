using Boards.Referrals.Contracts.Events;

namespace Boards.Notifications.Tests.Integration;

/// <summary>Referral events as Referrals publishes them (no personal data: a person key only).</summary>
public static class Events
{
    public static ReferralRequested Requested(Guid id, string municipality, string origin, string destination, TimeSpan acceptIn) => new()
    {
        ReferralId = id,
        MunicipalityCode = municipality,
        DestinationMunicipalityCode = municipality,
        OriginInstitution = origin,
        DestinationInstitution = destination,
        ServiceCode = "svc-test",
        NeedCategory = "health",
        Priority = "urgent",
        PersonKey = "pk-" + id.ToString("N")[..8],
        Status = "requested",
        Version = 1,
        CreatedAt = DateTimeOffset.UtcNow,
        OccurredAt = DateTimeOffset.UtcNow,
        Actor = "test",
        AcceptBy = DateTimeOffset.UtcNow + acceptIn,
        ConsentOverridden = false,
    };

    public static ReferralAccepted Accepted(ReferralRequested r, TimeSpan counterReferIn) => new()
    {
        ReferralId = r.ReferralId, MunicipalityCode = r.MunicipalityCode, DestinationMunicipalityCode = r.DestinationMunicipalityCode,
        OriginInstitution = r.OriginInstitution, DestinationInstitution = r.DestinationInstitution, ServiceCode = r.ServiceCode,
        NeedCategory = r.NeedCategory, Priority = r.Priority, PersonKey = r.PersonKey, Status = "accepted", Version = 2,
        CreatedAt = r.CreatedAt, OccurredAt = DateTimeOffset.UtcNow, Actor = "test", CounterReferBy = DateTimeOffset.UtcNow + counterReferIn,
    };

    public static ReferralRejected Rejected(ReferralRequested r, string reason) => new()
    {
        ReferralId = r.ReferralId, MunicipalityCode = r.MunicipalityCode, DestinationMunicipalityCode = r.DestinationMunicipalityCode,
        OriginInstitution = r.OriginInstitution, DestinationInstitution = r.DestinationInstitution, ServiceCode = r.ServiceCode,
        NeedCategory = r.NeedCategory, Priority = r.Priority, PersonKey = r.PersonKey, Status = "rejected", Version = 2,
        CreatedAt = r.CreatedAt, OccurredAt = DateTimeOffset.UtcNow, Actor = "test", Reason = reason,
    };

    public static ReferralCounterReferred CounterReferred(ReferralRequested r) => new()
    {
        ReferralId = r.ReferralId, MunicipalityCode = r.MunicipalityCode, DestinationMunicipalityCode = r.DestinationMunicipalityCode,
        OriginInstitution = r.OriginInstitution, DestinationInstitution = r.DestinationInstitution, ServiceCode = r.ServiceCode,
        NeedCategory = r.NeedCategory, Priority = r.Priority, PersonKey = r.PersonKey, Status = "completed", Version = 5,
        CreatedAt = r.CreatedAt, OccurredAt = DateTimeOffset.UtcNow, Actor = "test", Attended = true, Outcome = "got_help",
        ServicesDelivered = [r.ServiceCode], FollowUpRecommended = false,
    };

    public static ReferralCancelled Cancelled(ReferralRequested r) => new()
    {
        ReferralId = r.ReferralId, MunicipalityCode = r.MunicipalityCode, DestinationMunicipalityCode = r.DestinationMunicipalityCode,
        OriginInstitution = r.OriginInstitution, DestinationInstitution = r.DestinationInstitution, ServiceCode = r.ServiceCode,
        NeedCategory = r.NeedCategory, Priority = r.Priority, PersonKey = r.PersonKey, Status = "cancelled", Version = 2,
        CreatedAt = r.CreatedAt, OccurredAt = DateTimeOffset.UtcNow, Actor = "test", Reason = "duplicate",
    };

    public static ReferralOverdue Overdue(ReferralRequested r) => new()
    {
        ReferralId = r.ReferralId, MunicipalityCode = r.MunicipalityCode, DestinationMunicipalityCode = r.DestinationMunicipalityCode,
        OriginInstitution = r.OriginInstitution, DestinationInstitution = r.DestinationInstitution, ServiceCode = r.ServiceCode,
        NeedCategory = r.NeedCategory, Priority = r.Priority, PersonKey = r.PersonKey, Status = r.Status, Version = r.Version,
        CreatedAt = r.CreatedAt, OccurredAt = DateTimeOffset.UtcNow, Actor = "system", Deadline = "accept", DueAt = r.AcceptBy,
    };
}
