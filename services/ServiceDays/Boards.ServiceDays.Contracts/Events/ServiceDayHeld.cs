using Boards.ServiceDays.Contracts.Reports;

namespace Boards.ServiceDays.Contracts.Events;

/// <summary>
/// A service day (jornada de servicios) was held and its closing report published. Published once per day, when the
/// report is submitted (status reported); a corrected report is published again with a higher ReportVersion, and a
/// consumer keeps the highest version per ServiceDayId. No personal data: counts only.
/// </summary>
public sealed record ServiceDayHeld
{
    public required Guid ServiceDayId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string Locality { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>Distinct people served (identified by document, plus anonymous counts).</summary>
    public required int PeopleServed { get; init; }
    public required int ExpectedAttendance { get; init; }
    /// <summary>Per institution and service, what was delivered.</summary>
    public required IReadOnlyList<ServiceDelivered> ServicesDelivered { get; init; }
    /// <summary>Referrals created on the day through the referrals service.</summary>
    public required int ReferralsMade { get; init; }
    public required int ReportVersion { get; init; }
    public required DateTimeOffset ReportedAt { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
