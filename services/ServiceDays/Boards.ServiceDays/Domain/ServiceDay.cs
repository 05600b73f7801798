namespace Boards.ServiceDays.Domain;

/// <summary>
/// A service day (jornada de servicios): where and when, which institutions come with which services of the
/// municipality's catalog, and how many people are expected. Version grows with every change.
/// </summary>
public sealed class ServiceDay
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string MunicipalityCode { get; init; }
    public required string Locality { get; set; }
    public DateOnly Date { get; set; }
    public required string Venue { get; set; }
    public int ExpectedAttendance { get; set; }
    public ServiceDayStatus Status { get; set; }
    public int Version { get; set; } = 1;
    public List<DayService> Services { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? HeldAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>The closing report's figures as published in ServiceDayHeld (0 until reported).</summary>
    public int ReportVersion { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public string? ReportedBy { get; set; }
    public string? ReportNotes { get; set; }
    public int ReportedPeopleServed { get; set; }
    public int ReportedReferralsMade { get; set; }

    public IReadOnlyList<string> Institutions => Services.Select(s => s.InstitutionCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>A service of the catalog that one participating institution offers on the day.</summary>
public sealed class DayService
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; init; }
    public required string InstitutionCode { get; init; }
    public required string ServiceCode { get; init; }
    public required string ServiceName { get; init; }
}
