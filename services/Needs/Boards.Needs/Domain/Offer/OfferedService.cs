namespace Boards.Needs.Domain.Offer;

public enum ServiceChannel
{
    Office,
    HealthUnit,
    ServiceDay,
    HomeVisit,
}

public enum CapacityStatus
{
    Available,
    Waitlist,
    Full,
}

public enum WaitlistBand
{
    Under1Month,
    OneTo3Months,
    Over3Months,
}

/// <summary>
/// One service of a municipality's offer catalog: what an institution's program offers there, for which need
/// categories, through which channel, and whether there is capacity now. Version grows with every change.
/// </summary>
public sealed class OfferedService
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string MunicipalityCode { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Program { get; set; }
    public required string InstitutionCode { get; set; }
    public List<string> Categories { get; set; } = [];
    public required string EligibilitySummary { get; set; }
    public ServiceChannel Channel { get; set; }
    public int? MonthlyCapacity { get; set; }
    public CapacityStatus CapacityStatus { get; set; }
    /// <summary>Set exactly when CapacityStatus is Waitlist.</summary>
    public WaitlistBand? WaitlistBand { get; set; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
