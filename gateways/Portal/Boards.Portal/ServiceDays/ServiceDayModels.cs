namespace Boards.Portal.ServiceDays;

// The JSON of ServiceDays' REST API (/api/service-days), see docs/service-days.md.

public sealed record ServiceDaySummary(
    Guid Id, string MunicipalityCode, string Locality, DateOnly Date, string Venue, string Status, int ExpectedAttendance,
    IReadOnlyList<string> Institutions, int Version, int PeopleServed);

public sealed record DayService(string Code, string Name);

public sealed record DayParticipation(string InstitutionCode, IReadOnlyList<DayService> Services);

public sealed record ServiceDelivered(string InstitutionCode, string ServiceCode, int Attentions);

public sealed record AttendanceFigures(int PeopleServed, int IdentifiedPeople, int AnonymousAttentions, int Batches, IReadOnlyList<ServiceDelivered> ServicesDelivered);

public sealed record ReferralFigures(int Sent, int Pending, int Failed);

public sealed record DayReport(int ReportVersion, DateTimeOffset ReportedAt, string ReportedBy, int PeopleServed, int ReferralsMade, string? Notes);

public sealed record ServiceDayDetail(
    Guid Id,
    string MunicipalityCode,
    string Locality,
    DateOnly Date,
    string Venue,
    string Status,
    int ExpectedAttendance,
    IReadOnlyList<DayParticipation> Institutions,
    int Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? HeldAt,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    AttendanceFigures Attendance,
    ReferralFigures Referrals,
    DayReport? Report);

public sealed record AttendanceAnswer(string BatchId, bool Replayed, int Identified, int Anonymous, int PeopleServed);

/// <summary>One need found on the day sent to Referrals; no person data comes back.</summary>
public sealed record DayReferralEntry(
    string EntryId, string Status, string? ReferralId, string? Outcome, string? Error, int Attempts,
    string OriginInstitution, string DestinationInstitution, string ServiceCode, string NeedCategory, string Priority,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt, string? FailureKind = null);

public sealed record DayReferralBatch(int Sent, int Failed, IReadOnlyList<DayReferralEntry> Entries);

/// <summary>The statuses of a day, in lifecycle order (filters and badges).</summary>
public static class DayStatuses
{
    public static readonly string[] All = ["planned", "confirmed", "held", "reported", "cancelled"];
}
